import {
  BooleanField,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NullableBooleanInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { ShopDateField } from '../../common/ShopDateField';
import { useIsSmall } from '../../common/use-is-small';
import { formatRubles } from '../../format/money';
import { PURPOSES, purposeName } from './template-labels';

const filters = [
  <SelectInput key="purpose" source="purpose" label="Назначение" choices={PURPOSES} alwaysOn />,
  <NullableBooleanInput key="isActive" source="isActive" label="Включён" alwaysOn />,
];

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'discount-templates', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="Создать шаблон" />}</TopToolbar>;
}

/** Шаблоны скидок. */
export default function TemplateList() {
  const isSmall = useIsSmall();
  const { canAccess: canEdit } = useCanAccess({ resource: 'discount-templates', action: 'edit' });
  return (
    <List
      title="Шаблоны скидок"
      filters={filters}
      actions={<Actions />}
      exporter={false}
      sort={{ field: 'id', order: 'DESC' }}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.name} · ${r.valueText}`}
          secondaryText={(r) => `${purposeName(r.purpose)}${r.isActive ? '' : ' · выключен'}`}
          linkType={canEdit ? 'edit' : false}
        />
      ) : (
        <Datagrid rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
          <TextField source="id" label="ID" />
          <TextField source="name" label="Название" />
          <TextField source="valueText" label="Скидка" sortable={false} />
          <FunctionField label="Назначение" render={(r) => purposeName(r.purpose)} sortable={false} />
          <FunctionField
            label="Гасится"
            render={(r) => (r.usage === 'shared' ? 'общий' : 'личный')}
            sortable={false}
          />
          <FunctionField
            label="Срок"
            render={(r) => (r.validDays ? `${r.validDays} дн.` : 'бессрочно')}
            sortable={false}
          />
          <FunctionField
            label="Мин. покупка"
            render={(r) => (r.minPurchase ? formatRubles(r.minPurchase as number) : '—')}
            sortable={false}
          />
          <BooleanField source="isActive" label="Включён" sortable={false} />
          <ShopDateField source="createdAt" label="Создан" />
        </Datagrid>
      )}
    </List>
  );
}
