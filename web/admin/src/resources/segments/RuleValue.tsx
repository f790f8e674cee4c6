import { TextField } from '@mui/material';
import { MONTHS, STATUSES, type ValueKind } from './segment-fields';

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const splitList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The value input of one rule, shaped by the operator's kind of value. */
export function RuleValue({
  kind,
  value,
  onChange,
  label,
  error,
  disabled,
}: {
  kind: ValueKind;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  error: boolean;
  disabled?: boolean;
}) {
  const common = { size: 'small' as const, error, disabled, sx: { minWidth: 160 } };
  switch (kind) {
    case 'none':
      return null;
    case 'tags':
    case 'texts':
      return (
        <TextField
          {...common}
          label={`${label} (через запятую)`}
          value={list(value).join(', ')}
          onChange={(e) => onChange(splitList(e.target.value))}
        />
      );
    case 'text':
      return (
        <TextField
          {...common}
          label={label}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'boolean':
      return (
        <TextField
          {...common}
          select
          label={label}
          value={value === false ? 'false' : 'true'}
          onChange={(e) => onChange(e.target.value === 'true')}
          slotProps={{ select: { native: true } }}
        >
          <option value="true">да</option>
          <option value="false">нет</option>
        </TextField>
      );
    case 'status':
      return (
        <TextField
          {...common}
          select
          label={label}
          value={String(value ?? 'active')}
          onChange={(e) => onChange(e.target.value)}
          slotProps={{ select: { native: true } }}
        >
          {STATUSES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </TextField>
      );
    case 'statuses':
      return (
        <TextField
          {...common}
          select
          label={label}
          value={list(value)}
          onChange={(e) =>
            onChange(Array.from((e.target as unknown as HTMLSelectElement).selectedOptions, (o) => o.value))
          }
          slotProps={{ select: { native: true, multiple: true } }}
        >
          {STATUSES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </TextField>
      );
    case 'month':
      return (
        <TextField
          {...common}
          select
          label={label}
          value={String(value ?? 1)}
          onChange={(e) => onChange(Number(e.target.value))}
          slotProps={{ select: { native: true } }}
        >
          {MONTHS.map((name, i) => (
            <option key={name} value={i + 1}>
              {name}
            </option>
          ))}
        </TextField>
      );
    case 'days':
    case 'count':
      return (
        <TextField
          {...common}
          type="number"
          label={kind === 'days' ? `${label}, дней` : label}
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
          slotProps={{ htmlInput: { min: 0 } }}
        />
      );
    case 'date':
      return (
        <TextField
          {...common}
          type="date"
          label={label}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      );
    case 'dateRange': {
      const [from = '', to = ''] = list(value);
      return (
        <>
          <TextField
            {...common}
            type="date"
            label="С даты"
            value={from}
            onChange={(e) => onChange([e.target.value, to])}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            {...common}
            type="date"
            label="По дату"
            value={to}
            onChange={(e) => onChange([from, e.target.value])}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </>
      );
    }
  }
}
