import { Datagrid, FunctionField, List, SimpleList, TextField, useCanAccess } from 'react-admin';
import { ShopDateField } from '../../common/ShopDateField';
import { useIsSmall } from '../../common/use-is-small';

/** Тексты бота: every message the bots send, editable by owner and marketing. */
export default function TextList() {
  const isSmall = useIsSmall();
  const { canAccess } = useCanAccess({ resource: 'message-templates', action: 'edit' });
  const open = canAccess ? 'edit' : 'show';
  return (
    <List title="Тексты бота" exporter={false} pagination={false} perPage={100}>
      {isSmall ? (
        <SimpleList primaryText={(r) => r.key} secondaryText={(r) => r.description ?? ''} linkType={open} />
      ) : (
        <Datagrid rowClick={open} bulkActionButtons={false}>
          <TextField source="key" label="Ключ" sortable={false} />
          <TextField source="description" label="Где используется" emptyText="—" sortable={false} />
          <FunctionField
            label="Текст"
            sortable={false}
            render={(r) => (String(r.text).length > 80 ? `${String(r.text).slice(0, 80)}…` : r.text)}
          />
          <ShopDateField source="updatedAt" label="Изменён" />
        </Datagrid>
      )}
    </List>
  );
}
