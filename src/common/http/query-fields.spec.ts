import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsOptional, validateSync } from 'class-validator';
import { BooleanQuery, DateTimeQuery } from './query-fields';

class ListQuery {
  @DateTimeQuery('Created at or after')
  createdFrom?: Date;

  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  isTest?: boolean;
}

const read = (query: Record<string, string>) => {
  const dto = plainToInstance(ListQuery, query);
  return { dto, errors: validateSync(dto).map((error) => error.property) };
};

describe('query fields', () => {
  it('reads a date-time as a Date and leaves it out when absent', () => {
    const { dto, errors } = read({ createdFrom: '2026-12-01T00:00:00+10:00' });
    expect(errors).toEqual([]);
    expect(dto.createdFrom).toEqual(new Date('2026-11-30T14:00:00Z'));
    expect(read({}).errors).toEqual([]);
  });

  it('refuses what is not a date-time', () => {
    expect(read({ createdFrom: 'yesterday' }).errors).toEqual(['createdFrom']);
  });

  it('reads true and false, and refuses anything else', () => {
    expect(read({ isTest: 'true' }).dto.isTest).toBe(true);
    expect(read({ isTest: 'false' }).dto.isTest).toBe(false);
    expect(read({ isTest: 'yes' }).errors).toEqual(['isTest']);
  });
});
