import {
  Datagrid,
  DateTimeInput,
  FunctionField,
  List,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
} from 'react-admin';
import { ShopDateField } from '../../common/ShopDateField';
import { useIsSmall } from '../../common/use-is-small';
import { EmptyList } from '../../common/EmptyList';

const ACTORS: Record<string, string> = {
  admin: 'Администратор',
  cashier: 'Кассир',
  client: 'Клиент',
  pos: 'Касса',
  system: 'Система',
};

const filters = [
  <TextInput key="action" source="action" label="Действие (или начало: «admin.»)" alwaysOn />,
  <SelectInput
    key="actorType"
    source="actorType"
    label="Кто"
    choices={Object.entries(ACTORS).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
  <TextInput key="actorId" source="actorId" label="ID того, кто" />,
  <TextInput key="entityType" source="entityType" label="Объект (тип)" />,
  <TextInput key="entityId" source="entityId" label="Объект (ID)" />,
  <DateTimeInput key="from" source="from" label="С" />,
  <DateTimeInput key="to" source="to" label="По" />,
];

const who = (r: { actorType: string; actorId: string | null }) =>
  `${ACTORS[r.actorType] ?? r.actorType}${r.actorId ? ` #${r.actorId}` : ''}`;

/** Журнал: who did what, newest first, with the API's filters. */
export default function AuditList() {
  const isSmall = useIsSmall();
  return (
    <List
      title="Журнал"
      empty={<EmptyList text="Записей нет" />}
      filters={filters}
      exporter={false}
      sort={{ field: 'createdAt', order: 'DESC' }}
      filterDefaultValues={{}}
      queryOptions={{ meta: {} }}
    >
      {isSmall ? (
        <SimpleList primaryText={(r) => r.action} secondaryText={(r) => who(r)} linkType={false} />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false} expand={<Changes />}>
          <ShopDateField source="createdAt" label="Когда" />
          <FunctionField label="Кто" render={who} sortable={false} />
          <TextField source="action" label="Действие" sortable={false} />
          <FunctionField
            label="Объект"
            render={(r) => (r.entityType ? `${r.entityType} #${r.entityId ?? ''}` : '—')}
            sortable={false}
          />
        </Datagrid>
      )}
    </List>
  );
}

function Changes() {
  return (
    <FunctionField
      render={(r) => (
        <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
          {JSON.stringify(r.changes ?? null, null, 2)}
        </pre>
      )}
    />
  );
}
