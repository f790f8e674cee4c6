import { Typography } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  Labeled,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { DISCOUNT_REASON, DISCOUNT_STATUS, label } from '../../common/labels';
import { ShopDateField } from '../../common/ShopDateField';
import { usageColumns } from '../discount-usage/usage-columns';
import { RedeemCodeButton } from './RedeemCodeButton';
import { RevokeCodeButton } from './RevokeCodeButton';

function Actions() {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'discounts', action: 'edit' });
  if (!canAccess || record?.status !== 'active') return <TopToolbar />;
  return (
    <TopToolbar>
      <RedeemCodeButton />
      <RevokeCodeButton />
    </TopToolbar>
  );
}

/** One code: its terms, its state, redeem and revoke, and its usage log. */
export default function DiscountShow() {
  return (
    <Show title="Код" actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="code" label="Код" />
        <TextField source="valueText" label="Скидка" />
        <FunctionField label="Статус" render={(r) => label(DISCOUNT_STATUS, r.status)} />
        <FunctionField label="Причина выдачи" render={(r) => label(DISCOUNT_REASON, r.reason)} />
        <ReferenceField source="templateId" reference="discount-templates" label="Шаблон" link="edit">
          <TextField source="name" />
        </ReferenceField>
        <ReferenceField source="userId" reference="users" label="Клиент" link="show" emptyText="общий код">
          <FunctionField render={(u) => [u.firstName, u.lastName].filter(Boolean).join(' ') || `#${u.id}`} />
        </ReferenceField>
        <FunctionField
          label="Погашений"
          render={(r) => `${r.redemptionCount}${r.maxRedemptions ? ` из ${r.maxRedemptions}` : ''}`}
        />
        <ShopDateField source="createdAt" label="Выдан" />
        <ShopDateField source="validFrom" label="Действует с" />
        <ShopDateField source="expiresAt" label="Действует до" />
        <ShopDateField source="usedAt" label="Использован" />
        <Labeled label="Журнал использования">
          <ReferenceManyField
            reference="discount-usage"
            target="code"
            sort={{ field: 'createdAt', order: 'DESC' }}
            perPage={10}
            pagination={<Pagination />}
          >
            <Datagrid
              bulkActionButtons={false}
              rowClick={false}
              empty={<Typography variant="body2">Записей нет</Typography>}
            >
              {usageColumns}
            </Datagrid>
          </ReferenceManyField>
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
