import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRefresh, useUnselectAll } from 'react-admin';
import { answer, api } from '../../api/client';
import { ActionError } from '../../common/ActionError';

const splitTags = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);

/** Adds and removes tags on the selected clients (POST /users/bulk/tags). */
export function BulkTagsButton() {
  const { selectedIds } = useListContext();
  const [open, setOpen] = useState(false);
  const [add, setAdd] = useState('');
  const [remove, setRemove] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('users');

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await answer(
        api.POST('/api/v1/users/bulk/tags', {
          body: { userIds: selectedIds.map(Number), add: splitTags(add), remove: splitTags(remove) },
        }),
      );
      notify(`Теги изменены у ${result.updated} из ${result.matched}; пропущено: ${result.skipped}`, {
        type: 'success',
      });
      setOpen(false);
      unselectAll();
      refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="Теги" onClick={() => setOpen(true)}>
        <LocalOfferIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="bulk-tags-title">
        <DialogTitle id="bulk-tags-title">Теги для выбранных клиентов ({selectedIds.length})</DialogTitle>
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
          <MuiButton onClick={() => setOpen(false)}>Отмена</MuiButton>
          <MuiButton variant="contained" onClick={() => void submit()} disabled={busy}>
            Применить
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
