import { Global, Module } from '@nestjs/common';
import { Clock } from './clock/clock';

/** Process-wide helpers every module may inject: the clock. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class CommonModule {}
