import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { answer, api } from '../../api/client';
import { ActionError } from '../../common/ActionError';

/** Whose tags change: the clients picked in the list, or every client of a saved segment. */
export type BulkTagsTarget = { userIds: number[] } | { segmentId: number };

const splitTags = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);

/** Adds and removes tags on many clients at once (POST /users/bulk/tags); the API's refusal is shown inside. */
export function BulkTagsDialog(props: {
  open: boolean;
  title: string;
  target: BulkTagsTarget;
  onClose: () => void;
  onDone: () => void;
}) {
  const [add, setAdd] = useState('');
  const [remove, setRemove] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await answer(
        api.POST('/api/v1/users/bulk/tags', {
          body: { ...props.target, add: splitTags(add), remove: splitTags(remove) },
        }),
      );
      notify(`Теги изменены у ${result.updated} из ${result.matched}; пропущено: ${result.skipped}`, {
        type: 'success',
      });
      props.onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} aria-labelledby="bulk-tags-title">
      <DialogTitle id="bulk-tags-title">{props.title}</DialogTitle>
      <DialogContent>
        <TextField
          label="Добавить теги"
          helperText="Через пробел или запятую: от 1 до 32 букв, цифр, «_» или «-»"
          value={add}
          onChange={(e) => setAdd(e.target.value)}
          fullWidth
          margin="normal"
        />
        <TextField
          label="Убрать теги"
          value={remove}
          onChange={(e) => setRemove(e.target.value)}
          fullWidth
          margin="normal"
        />
        <ActionError error={error} />
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={props.onClose}>Отмена</MuiButton>
        <MuiButton variant="contained" onClick={() => void submit()} disabled={busy}>
          Применить
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}
