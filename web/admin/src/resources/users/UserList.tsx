import {
  BooleanField,
  DatagridConfigurable,
  FunctionField,
  List,
  SelectColumnsButton,
  SimpleList,
  TextField,
  TopToolbar,
  FilterButton,
  useCanAccess,
} from 'react-admin';
import { ShopDateField } from '../../common/ShopDateField';
import { useIsSmall } from '../../common/use-is-small';
import { formatShopDate } from '../../format/shop-time';
import { UserBulkActions } from './UserBulkActions';
import { userFilters } from './user-filters';
import { userName } from './user-name';
import { ExportCsvButton } from './ExportCsvButton';
import { TagChips } from './TagChips';

function Actions() {
  return (
    <TopToolbar>
      <FilterButton />
      <SelectColumnsButton />
      <ExportCsvButton />
    </TopToolbar>
  );
}

/** Клиенты: every filter of the API, sorting, paging, bulk tags and bulk issue on a selection. */
export default function UserList() {
  const isSmall = useIsSmall();
  const { canAccess: canWrite } = useCanAccess({ resource: 'users', action: 'edit' });
  return (
    <List
      title="Клиенты"
      filters={userFilters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      actions={<Actions />}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(record) => userName(record)}
          secondaryText={(record) =>
            `${record.source} · ${(record.tags as string[]).join(', ') || 'без тегов'}`
          }
          tertiaryText={(record) => formatShopDate(record.createdAt as string)}
          linkType="show"
        />
      ) : (
        <DatagridConfigurable rowClick="show" bulkActionButtons={canWrite ? <UserBulkActions /> : false}>
          <TextField source="id" label="ID" />
          <FunctionField label="Клиент" sortBy="firstName" render={(record) => userName(record)} />
          <TextField source="username" label="Username" />
          <TextField source="source" label="Источник" sortable={false} />
          <FunctionField label="Теги" render={(record) => <TagChips tags={record.tags as string[]} />} />
          <BooleanField source="isSubscribed" label="Подписан" sortable={false} />
          <ShopDateField source="createdAt" label="Регистрация" />
          <ShopDateField source="lastActivityAt" label="Активность" />
          <ShopDateField source="birthDate" label="Дата рождения" calendar />
        </DatagridConfigurable>
      )}
    </List>
  );
}
