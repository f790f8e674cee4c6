import {
  BooleanField,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  SimpleList,
  TextField,
  TopToolbar,
} from 'react-admin';
import { ShopDateField } from '../../common/ShopDateField';
import { useIsSmall } from '../../common/use-is-small';
import { ADMIN_ROLE } from './admin-roles';
import { EmptyList } from '../../common/EmptyList';

/** Администраторы (owner only). */
export default function AdminList() {
  const isSmall = useIsSmall();
  return (
    <List
      title="Администраторы"
      empty={<EmptyList text="Администраторов нет" action={<CreateButton label="Новый администратор" />} />}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton label="Новый администратор" />
        </TopToolbar>
      }
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.username}
          secondaryText={(r) => ADMIN_ROLE[r.role] ?? r.role}
          linkType="edit"
        />
      ) : (
        <Datagrid rowClick="edit" bulkActionButtons={false}>
          <TextField source="id" label="ID" />
          <TextField source="username" label="Имя пользователя" />
          <FunctionField label="Роль" render={(r) => ADMIN_ROLE[r.role] ?? r.role} sortable={false} />
          <BooleanField source="isActive" label="Активен" sortable={false} />
          <FunctionField
            label="Telegram"
            render={(r) => (r.telegramId ? 'привязан' : '—')}
            sortable={false}
          />
          <ShopDateField source="lastLoginAt" label="Последний вход" />
        </Datagrid>
      )}
    </List>
  );
}
