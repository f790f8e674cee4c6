import {
  BooleanInput,
  DatagridConfigurable,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useCanAccess,
  AutocompleteInput,
} from 'react-admin';
import { DISCOUNT_REASON, DISCOUNT_STATUS, choicesOf, label } from '../../common/labels';
import { ShopDateField } from '../../common/ShopDateField';
import { useIsSmall } from '../../common/use-is-small';
import { formatShopDateTime } from '../../format/shop-time';
import { IssueCodeButton } from './IssueCodeButton';

const filters = [
  <SelectInput key="status" source="status" label="Статус" choices={choicesOf(DISCOUNT_STATUS)} alwaysOn />,
  <SelectInput key="reason" source="reason" label="Причина выдачи" choices={choicesOf(DISCOUNT_REASON)} />,
  <ReferenceInput
    key="templateId"
    source="templateId"
    reference="discount-templates"
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput label="Шаблон" optionText="name" filterToQuery={() => ({})} />
  </ReferenceInput>,
  <NumberInput key="userId" source="userId" label="ID клиента" />,
  <DateInput key="issuedFrom" source="issuedFrom" label="Выдан с" />,
  <DateInput key="issuedTo" source="issuedTo" label="Выдан по" />,
  <BooleanInput key="isTest" source="isTest" label="Тестовые" />,
];

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'discounts', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <IssueCodeButton />}
    </TopToolbar>
  );
}

/** Коды: every code with the API's filters; a code's page has revoke, redeem and its usage log. */
export default function DiscountList() {
  const isSmall = useIsSmall();
  return (
    <List
      title="Коды"
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.code} · ${r.valueText}`}
          secondaryText={(r) => `${label(DISCOUNT_STATUS, r.status)} · ${label(DISCOUNT_REASON, r.reason)}`}
          tertiaryText={(r) => formatShopDateTime(r.createdAt as string)}
          linkType="show"
        />
      ) : (
        <DatagridConfigurable rowClick="show" bulkActionButtons={false}>
          <TextField source="code" label="Код" sortable={false} />
          <TextField source="valueText" label="Скидка" sortable={false} />
          <FunctionField label="Статус" render={(r) => label(DISCOUNT_STATUS, r.status)} sortable={false} />
          <FunctionField label="Причина" render={(r) => label(DISCOUNT_REASON, r.reason)} sortable={false} />
          <FunctionField
            label="Клиент"
            render={(r) => (r.userId ? `#${r.userId}` : 'общий')}
            sortable={false}
          />
          <FunctionField
            label="Погашений"
            render={(r) => `${r.redemptionCount}${r.maxRedemptions ? ` / ${r.maxRedemptions}` : ''}`}
            sortable={false}
          />
          <ShopDateField source="createdAt" label="Выдан" />
          <ShopDateField source="expiresAt" label="Действует до" />
        </DatagridConfigurable>
      )}
    </List>
  );
}
