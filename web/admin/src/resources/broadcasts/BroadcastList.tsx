import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { ShopDateField } from '../../common/ShopDateField';
import { useIsSmall } from '../../common/use-is-small';
import { BROADCAST_STATUS } from './broadcast-labels';
import { EmptyList } from '../../common/EmptyList';

const filters = [
  <TextInput key="q" source="q" label="Поиск по названию" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    label="Статус"
    choices={Object.entries(BROADCAST_STATUS).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
];

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'broadcasts', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="Новая рассылка" />}</TopToolbar>;
}

const progress = (r: { sentCount: number; targetCount: number }) =>
  r.targetCount ? `${r.sentCount} из ${r.targetCount}` : '—';

/** Рассылки. */
export default function BroadcastList() {
  const isSmall = useIsSmall();
  return (
    <List
      title="Рассылки"
      empty={<EmptyList text="Рассылок пока нет" action={<Actions />} />}
      filters={filters}
      actions={<Actions />}
      exporter={false}
      sort={{ field: 'id', order: 'DESC' }}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.title}
          secondaryText={(r) => `${BROADCAST_STATUS[r.status] ?? r.status} · ${progress(r)}`}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="id" label="ID" />
          <TextField source="title" label="Название" />
          <FunctionField
            label="Статус"
            render={(r) => BROADCAST_STATUS[r.status] ?? r.status}
            sortable={false}
          />
          <FunctionField
            label="Кому"
            render={(r) => (r.segmentId === null ? 'все клиенты' : `сегмент #${r.segmentId}`)}
            sortable={false}
          />
          <ShopDateField source="scheduledAt" label="Время отправки" />
          <FunctionField label="Доставлено" render={progress} sortable={false} />
          <ShopDateField source="createdAt" label="Создана" />
        </Datagrid>
      )}
    </List>
  );
}
