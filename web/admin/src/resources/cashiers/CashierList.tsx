import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { apiRequest } from '../../api/http';
import { ActionDialog } from '../../common/ActionDialog';
import { ShopDateField } from '../../common/ShopDateField';
import { useIsSmall } from '../../common/use-is-small';
import { EmptyList } from '../../common/EmptyList';

export const CASHIER_STATUS: Record<string, string> = {
  pending: 'Ждёт решения',
  approved: 'Одобрен',
  rejected: 'Отклонён',
  revoked: 'Доступ отозван',
};

const filters = [
  <SelectInput
    key="status"
    source="status"
    label="Статус"
    choices={Object.entries(CASHIER_STATUS).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
  <TextInput key="q" source="q" label="Имя" alwaysOn />,
];

type Decision = 'approve' | 'reject' | 'revoke';
const DECISIONS: Record<Decision, { label: string; question: string; done: string }> = {
  approve: { label: 'Одобрить', question: 'Одобрить кассира', done: 'Кассир одобрен' },
  reject: { label: 'Отклонить', question: 'Отклонить заявку', done: 'Заявка отклонена' },
  revoke: { label: 'Отозвать доступ', question: 'Отозвать доступ у кассира', done: 'Доступ отозван' },
};

/** The owner's decisions on one cashier; the cashier hears it in the staff bot. */
function Decide() {
  const record = useRecordContext<{ id: number; fullName: string; status: string }>();
  const { canAccess } = useCanAccess({ resource: 'cashiers', action: 'edit' });
  const [asking, setAsking] = useState<Decision | null>(null);
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || !canAccess) return null;
  const open: Decision[] =
    record.status === 'pending' ? ['approve', 'reject'] : record.status === 'approved' ? ['revoke'] : [];
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      {open.map((decision) => (
        <Button
          key={decision}
          size="small"
          variant={decision === 'approve' ? 'contained' : 'outlined'}
          color={decision === 'approve' ? 'primary' : 'error'}
          onClick={() => setAsking(decision)}
          aria-label={`${DECISIONS[decision].label}: ${record.fullName}`}
        >
          {DECISIONS[decision].label}
        </Button>
      ))}
      {asking && (
        <ActionDialog
          open
          title={`${DECISIONS[asking].question} «${record.fullName}»?`}
          confirm={DECISIONS[asking].label}
          onClose={() => setAsking(null)}
          run={async () => {
            await apiRequest(`/cashiers/${record.id}/${asking}`, { method: 'POST' });
            notify(DECISIONS[asking].done, { type: 'success' });
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

/** Кассиры: applications and access, decided by the owner. */
export default function CashierList() {
  const isSmall = useIsSmall();
  return (
    <List
      title="Кассиры"
      empty={<EmptyList text="Кассиров и заявок пока нет" />}
      filters={filters}
      exporter={false}
      sort={{ field: 'id', order: 'DESC' }}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.fullName}
          secondaryText={(r) => CASHIER_STATUS[r.status] ?? r.status}
          tertiaryText={() => <Decide />}
          linkType={false}
        />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="id" label="ID" />
          <TextField source="fullName" label="Имя" />
          <TextField source="telegramId" label="Telegram ID" sortable={false} />
          <FunctionField
            label="Статус"
            render={(r) => CASHIER_STATUS[r.status] ?? r.status}
            sortable={false}
          />
          <ShopDateField source="createdAt" label="Заявка" />
          <ShopDateField source="decidedAt" label="Решение" />
          <FunctionField label="Действия" render={() => <Decide />} />
        </Datagrid>
      )}
    </List>
  );
}
