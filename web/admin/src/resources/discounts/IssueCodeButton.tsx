import AddCardIcon from '@mui/icons-material/AddCard';
import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useGetList, useNotify, useRefresh } from 'react-admin';
import { answer, api } from '../../api/client';
import { ActionDialog } from '../../common/ActionDialog';

/** Issues a code of an active template to one client (POST /discounts); the client bot tells the client. */
export function IssueCodeButton({ userId }: { userId?: number }) {
  const [open, setOpen] = useState(false);
  const [templateId, setTemplateId] = useState<number | ''>('');
  const [client, setClient] = useState(userId ? String(userId) : '');
  const notify = useNotify();
  const refresh = useRefresh();
  const templates = useGetList(
    'discount-templates',
    {
      filter: { isActive: true },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'name', order: 'ASC' },
    },
    { enabled: open },
  );
  const chosen = templates.data?.find((t) => t.id === templateId);
  const shared = chosen?.usage === 'shared';

  const issue = async () => {
    const body = { templateId: Number(templateId), ...(shared ? {} : { userId: Number(client) }) };
    const code = await answer(api.POST('/api/v1/discounts', { body }));
    notify(`Выдан код ${code.code}`, { type: 'success' });
    refresh();
  };

  return (
    <>
      <Button label="Выдать код" onClick={() => setOpen(true)}>
        <AddCardIcon />
      </Button>
      <ActionDialog
        open={open}
        title="Выдать код"
        confirm="Выдать"
        onClose={() => setOpen(false)}
        run={issue}
        disabled={templateId === '' || (!shared && !/^\d+$/.test(client))}
      >
        <TextField
          select
          label="Шаблон скидки"
          value={templateId}
          onChange={(e) => setTemplateId(Number(e.target.value))}
          fullWidth
          margin="normal"
          helperText="Только включённые шаблоны"
        >
          {(templates.data ?? []).map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {String(t.name)} ({String(t.valueText)})
            </MenuItem>
          ))}
        </TextField>
        {!userId && !shared && (
          <TextField
            label="ID клиента"
            value={client}
            onChange={(e) => setClient(e.target.value.trim())}
            fullWidth
            margin="normal"
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            helperText="Номер из карточки клиента"
          />
        )}
        {shared && <p>Общий код: выдаётся без клиента, каждый клиент может погасить его один раз.</p>}
      </ActionDialog>
    </>
  );
}
