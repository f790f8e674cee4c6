import { Datagrid, DateInput, List, NumberInput, SelectInput, SimpleList, TextInput } from 'react-admin';
import { choicesOf, label, USAGE_ACTION, USAGE_CHANNEL } from '../../common/labels';
import { useIsSmall } from '../../common/use-is-small';
import { formatShopDateTime } from '../../format/shop-time';
import { usageColumns } from './usage-columns';

const filters = [
  <TextInput key="code" source="code" label="Код" alwaysOn />,
  <SelectInput key="action" source="action" label="Действие" choices={choicesOf(USAGE_ACTION)} alwaysOn />,
  <SelectInput key="channel" source="channel" label="Канал" choices={choicesOf(USAGE_CHANNEL)} />,
  <NumberInput key="userId" source="userId" label="ID клиента" />,
  <NumberInput key="cashierId" source="cashierId" label="ID кассира" />,
  <TextInput key="terminalId" source="terminalId" label="Терминал" />,
  <DateInput key="from" source="from" label="С" />,
  <DateInput key="to" source="to" label="По" />,
];

/** The usage log of every code. */
export default function UsageList() {
  const isSmall = useIsSmall();
  return (
    <List
      title="Использование кодов"
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.code ?? '—'} · ${label(USAGE_ACTION, r.action)}`}
          secondaryText={(r) => label(USAGE_CHANNEL, r.channel)}
          tertiaryText={(r) => formatShopDateTime(r.createdAt as string)}
          linkType={false}
        />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false}>
          {usageColumns}
        </Datagrid>
      )}
    </List>
  );
}
