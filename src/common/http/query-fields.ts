import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';

/** `?isActive=true` / `false` in a query string as a boolean (anything else stays and fails @IsBoolean). */
export const BooleanQuery = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/**
 * An optional date-time of a list's filter (`?createdFrom=2026-12-01T00:00:00+10:00`) as a Date; anything
 * that does not read as one fails validation. One end of a range each (`…From` at or after, `…To` before).
 */
export const DateTimeQuery = (description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date-time', ...(description ? { description } : {}) }),
    IsOptional(),
    Type(() => Date),
    IsDate(),
  );
