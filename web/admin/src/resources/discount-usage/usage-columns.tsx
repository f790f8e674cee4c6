import { FunctionField, TextField } from 'react-admin';
import { label, USAGE_ACTION, USAGE_CHANNEL } from '../../common/labels';
import { RublesField } from '../../common/RublesField';
import { ShopDateField } from '../../common/ShopDateField';
import { codeMessage } from '../../errors/error-messages';

/** The usage log's columns, shared by the log page and a code's page. */
export const usageColumns = [
  <ShopDateField key="createdAt" source="createdAt" label="Когда" />,
  <TextField key="code" source="code" label="Код" sortable={false} emptyText="—" />,
  <FunctionField
    key="action"
    label="Действие"
    sortable={false}
    render={(r) => label(USAGE_ACTION, r.action)}
  />,
  <FunctionField
    key="reject"
    label="Отказ"
    sortable={false}
    render={(r) => (r.rejectCode ? codeMessage(String(r.rejectCode)) : '')}
  />,
  <FunctionField
    key="channel"
    label="Канал"
    sortable={false}
    render={(r) => label(USAGE_CHANNEL, r.channel)}
  />,
  <FunctionField
    key="userId"
    label="Клиент"
    sortable={false}
    render={(r) => (r.userId ? `#${r.userId}` : '—')}
  />,
  <RublesField key="purchaseAmount" source="purchaseAmount" label="Покупка" sortable={false} />,
  <RublesField key="discountAmount" source="discountAmount" label="Скидка" sortable={false} />,
];
