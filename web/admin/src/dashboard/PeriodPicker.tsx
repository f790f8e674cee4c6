import { MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useState } from 'react';
import { useIsSmall } from '../common/use-is-small';
import { lastDays, PRESETS, type Period, type PeriodPreset } from './period';

/** 7 / 30 / 90 days, a year, or a custom from–to (shop-time dates). */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const isSmall = useIsSmall();
  const [preset, setPreset] = useState<PeriodPreset>('30');
  const choose = (next: PeriodPreset | null) => {
    if (!next) return;
    setPreset(next);
    if (next !== 'custom') onChange(lastDays(Number(next)));
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
      {isSmall ? (
        <TextField
          select
          size="small"
          label="Период"
          value={preset}
          onChange={(e) => choose(e.target.value as PeriodPreset)}
        >
          {PRESETS.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <ToggleButtonGroup
          size="small"
          exclusive
          value={preset}
          onChange={(_e, v: PeriodPreset | null) => choose(v)}
          aria-label="Период"
        >
          {PRESETS.map((p) => (
            <ToggleButton key={p.id} value={p.id}>
              {p.name}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      )}
      {preset === 'custom' && (
        <Stack direction="row" spacing={1}>
          <TextField
            type="date"
            size="small"
            label="С"
            value={value.from}
            onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="date"
            size="small"
            label="По"
            value={value.to}
            onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
      )}
    </Stack>
  );
}
