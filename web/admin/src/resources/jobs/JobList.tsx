import { Button } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  SimpleList,
  TextField,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { apiRequest } from '../../api/http';
import { ShopDateField } from '../../common/ShopDateField';
import { JOB_STATES } from '../../common/use-job-progress';
import { useIsSmall } from '../../common/use-is-small';
import { errorMessage } from '../../errors/error-messages';
import { EmptyList } from '../../common/EmptyList';

const filters = [
  <SelectInput
    key="status"
    source="status"
    label="Состояние"
    choices={Object.entries(JOB_STATES).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
];

function Retry() {
  const record = useRecordContext<{ id: string; state: string; name: string }>();
  const { canAccess } = useCanAccess({ resource: 'jobs', action: 'edit' });
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || !canAccess || record.state !== 'failed') return null;
  const retry = async () => {
    try {
      await apiRequest(`/jobs/${encodeURIComponent(record.id)}/retry`, { method: 'POST' });
      notify('Задача запущена снова', { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <Button
      size="small"
      variant="outlined"
      onClick={() => void retry()}
      aria-label={`Повторить задачу ${record.name}`}
    >
      Повторить
    </Button>
  );
}

/** Задачи: background jobs, failed ones by default, with retry (owner). */
export default function JobList() {
  const isSmall = useIsSmall();
  return (
    <List
      title="Задачи"
      empty={<EmptyList text="Таких задач нет" />}
      filters={filters}
      filterDefaultValues={{ status: 'failed' }}
      exporter={false}
      sort={{ field: 'createdAt', order: 'DESC' }}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.name}
          secondaryText={(r) => r.failedReason ?? JOB_STATES[r.state] ?? r.state}
          tertiaryText={() => <Retry />}
          linkType={false}
        />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="name" label="Задача" sortable={false} />
          <TextField source="queue" label="Очередь" sortable={false} />
          <FunctionField label="Состояние" render={(r) => JOB_STATES[r.state] ?? r.state} sortable={false} />
          <TextField source="failedReason" label="Причина ошибки" emptyText="—" sortable={false} />
          <TextField source="attemptsMade" label="Попыток" sortable={false} />
          <ShopDateField source="createdAt" label="Создана" />
          <ShopDateField source="finishedAt" label="Завершена" />
          <FunctionField label="" render={() => <Retry />} />
        </Datagrid>
      )}
    </List>
  );
}
