import { Transform } from 'class-transformer';

/** `?isActive=true` / `false` in a query string as a boolean (anything else stays and fails @IsBoolean). */
export const BooleanQuery = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
