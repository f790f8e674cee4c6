import {
  DatagridConfigurable,
  List,
  SelectColumnsButton,
  SimpleList,
  TopToolbar,
  FilterButton,
  useCanAccess,
} from 'react-admin';
import { useIsSmall } from '../../common/use-is-small';
import { formatShopDate } from '../../format/shop-time';
import { UserBulkActions } from './UserBulkActions';
import { userFilters } from './user-filters';
import { userName } from './user-name';
import { ExportCsvButton } from './ExportCsvButton';
import { ClientNameCell, DateCell, TagsCell, TextCell, YesNoCell, clientGridSx } from './client-list-cells';

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
        <DatagridConfigurable
          rowClick="show"
          bulkActionButtons={canWrite ? <UserBulkActions /> : false}
          sx={clientGridSx}
        >
          <TextCell source="id" label="ID" />
          <ClientNameCell label="Клиент" sortBy="firstName" />
          <TextCell source="username" label="Username" />
          <TextCell source="source" label="Источник" sortable={false} />
          <TagsCell source="tags" label="Теги" sortable={false} />
          <YesNoCell source="isSubscribed" label="Подписан" sortable={false} />
          <DateCell source="createdAt" label="Регистрация" />
          <DateCell source="lastActivityAt" label="Активность" />
          <DateCell source="birthDate" label="Дата рождения" calendar />
        </DatagridConfigurable>
      )}
    </List>
  );
}
