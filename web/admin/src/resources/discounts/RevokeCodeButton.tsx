import BlockIcon from '@mui/icons-material/Block';
import { TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { answer, api } from '../../api/client';
import { ActionDialog } from '../../common/ActionDialog';

/** Revokes a code with an optional note kept in the audit log. */
export function RevokeCodeButton() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  const revoke = async () => {
    await answer(
      api.POST('/api/v1/discounts/{code}/revoke', {
        params: { path: { code: String(record.code) } },
        body: note ? { note } : {},
      }),
    );
    notify('Код отозван', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button label="Отозвать" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <ActionDialog
        open={open}
        title={`Отозвать код ${record.code}?`}
        confirm="Отозвать"
        onClose={() => setOpen(false)}
        run={revoke}
      >
        <TextField
          label="Причина (попадёт в журнал)"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          fullWidth
          margin="normal"
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </ActionDialog>
    </>
  );
}
