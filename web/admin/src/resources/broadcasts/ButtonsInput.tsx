import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Paper, Stack, TextField, Typography } from '@mui/material';
import { useInput } from 'react-admin';
import type { BroadcastButton } from './broadcast-labels';

/** Rows of URL buttons under the message (up to 10 rows, 8 a row). */
export function ButtonsInput() {
  const { field, fieldState } = useInput<BroadcastButton[][] | null>({
    source: 'buttons',
    defaultValue: null,
    // Kept as is: react-admin's default format turns null into ''.
    format: (v) => v,
    parse: (v) => v,
  });
  const rows: BroadcastButton[][] = Array.isArray(field.value) ? field.value : [];
  const set = (next: BroadcastButton[][]) => field.onChange(next.length ? next : null);
  const setButton = (r: number, b: number, patch: Partial<BroadcastButton>) =>
    set(
      rows.map((row, i) =>
        i === r ? row.map((button, j) => (j === b ? { ...button, ...patch } : button)) : row,
      ),
    );
  const removeButton = (r: number, b: number) =>
    set(
      rows.map((row, i) => (i === r ? row.filter((_, j) => j !== b) : row)).filter((row) => row.length > 0),
    );
  const newButton = (): BroadcastButton => ({ text: '', url: 'https://' });

  return (
    <Stack spacing={1} sx={{ width: '100%', mb: 2 }}>
      <Typography variant="subtitle2" component="h3">
        Кнопки со ссылками
      </Typography>
      {rows.map((row, r) => (
        <Paper key={r} variant="outlined" sx={{ p: 1 }}>
          <Stack spacing={1}>
            {row.map((button, b) => (
              <Stack key={b} direction={{ xs: 'column', sm: 'row' }} spacing={1}>
                <TextField
                  size="small"
                  label={`Надпись кнопки ${r + 1}.${b + 1}`}
                  value={button.text}
                  onChange={(e) => setButton(r, b, { text: e.target.value })}
                  slotProps={{ htmlInput: { maxLength: 64 } }}
                />
                <TextField
                  size="small"
                  label={`Ссылка кнопки ${r + 1}.${b + 1}`}
                  value={button.url}
                  onChange={(e) => setButton(r, b, { url: e.target.value })}
                  sx={{ flex: 1 }}
                />
                <IconButton
                  aria-label={`Удалить кнопку ${r + 1}.${b + 1}`}
                  onClick={() => removeButton(r, b)}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Stack>
            ))}
            {row.length < 8 && (
              <Button
                size="small"
                startIcon={<AddIcon />}
                onClick={() => set(rows.map((x, i) => (i === r ? [...x, newButton()] : x)))}
              >
                Кнопка в этот ряд
              </Button>
            )}
          </Stack>
        </Paper>
      ))}
      {rows.length < 10 && (
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => set([...rows, [newButton()]])}
          sx={{ alignSelf: 'start' }}
        >
          Добавить кнопку
        </Button>
      )}
      {fieldState.error && (
        <Typography color="error" variant="body2" role="alert">
          {fieldState.error.message}
        </Typography>
      )}
    </Stack>
  );
}
