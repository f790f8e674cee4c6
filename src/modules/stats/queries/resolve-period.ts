import { QueryBus } from '@nestjs/cqrs';
import { Clock } from '../../../common/clock/clock';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { ShopPeriod, shopPeriod } from '../domain/shop-period';

/** `from`/`to` as given in the query string (shop-time dates, both optional). */
export interface PeriodInput {
  from?: string;
  to?: string;
}

/** The period in the shop's current time zone (setting `shop.timezone`). */
export async function resolvePeriod(
  queries: QueryBus,
  clock: Clock,
  input: PeriodInput,
): Promise<ShopPeriod> {
  const zone = await queries.execute(new GetSettingQuery('shop.timezone'));
  return shopPeriod(input, zone, clock.now());
}

/** A share with 4 decimals (0 when the base is empty). */
export const ratio = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
