import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExpireDiscountsHandler } from './commands/expire-discounts.command';
import { ExpireDiscountsJob } from './jobs/expire-discounts.job';
import { ExpireDiscountsTick } from './jobs/expire-discounts.tick';
import { Discount } from './persistence/discount.entity';

/** Discount codes: issue, check, redeem, expire. */
@Module({
  imports: [TypeOrmModule.forFeature([Discount])],
  providers: [ExpireDiscountsHandler, ExpireDiscountsJob, ExpireDiscountsTick],
})
export class DiscountsModule {}
