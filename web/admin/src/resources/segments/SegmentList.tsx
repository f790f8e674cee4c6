import {
  BooleanField,
  CreateButton,
  Datagrid,
  List,
  SimpleList,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { ShopDateField } from '../../common/ShopDateField';
import { useIsSmall } from '../../common/use-is-small';
import { EmptyList } from '../../common/EmptyList';

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'segments', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="Новый сегмент" />}</TopToolbar>;
}

/** Сегменты: saved audiences for broadcasts and bulk actions. */
export default function SegmentList() {
  const isSmall = useIsSmall();
  const { canAccess: canEdit } = useCanAccess({ resource: 'segments', action: 'edit' });
  const open = canEdit ? 'edit' : 'show';
  return (
    <List
      title="Сегменты"
      empty={<EmptyList text="Сегментов пока нет" action={<Actions />} />}
      actions={<Actions />}
      exporter={false}
      sort={{ field: 'id', order: 'DESC' }}
    >
      {isSmall ? (
        <SimpleList primaryText={(r) => r.name} secondaryText={(r) => r.description ?? ''} linkType={open} />
      ) : (
        <Datagrid rowClick={open} bulkActionButtons={false}>
          <TextField source="id" label="ID" />
          <TextField source="name" label="Название" />
          <TextField source="description" label="Описание" emptyText="—" sortable={false} />
          <BooleanField source="isSystem" label="Системный" sortable={false} />
          <ShopDateField source="updatedAt" label="Изменён" />
        </Datagrid>
      )}
    </List>
  );
}
