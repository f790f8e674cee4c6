import {
  BooleanInput,
  DateInput,
  NullableBooleanInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextArrayInput,
} from 'react-admin';

export const STATUS_CHOICES = [
  { id: 'active', name: 'Активен' },
  { id: 'blocked', name: 'Заблокировал бота' },
  { id: 'deleted', name: 'Удалён' },
];

const MONTHS = [
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
].map((name, index) => ({ id: index + 1, name }));

/** Every filter the users API has (GET /users), in Russian. */
export const userFilters = [
  <SearchInput key="q" source="q" placeholder="Имя, @username или Telegram ID" alwaysOn />,
  <TextArrayInput key="tags" source="tags" label="Теги" helperText="Введите тег и нажмите Enter" />,
  <SelectInput
    key="tagsMatch"
    source="tagsMatch"
    label="Совпадение тегов"
    choices={[
      { id: 'any', name: 'Любой из тегов' },
      { id: 'all', name: 'Все теги' },
    ]}
  />,
  <TextArrayInput key="source" source="source" label="Источники" helperText="Например instagram, direct" />,
  <NullableBooleanInput key="subscribed" source="subscribed" label="Подписан на канал" />,
  <SelectArrayInput key="status" source="status" label="Статус" choices={STATUS_CHOICES} />,
  <SelectInput key="birthMonth" source="birthMonth" label="Месяц рождения" choices={MONTHS} />,
  <DateInput key="registeredFrom" source="registeredFrom" label="Регистрация с" />,
  <DateInput key="registeredTo" source="registeredTo" label="Регистрация по" />,
  <DateInput key="lastActivityAfter" source="lastActivityAfter" label="Активность после" />,
  <DateInput key="lastActivityBefore" source="lastActivityBefore" label="Активность до" />,
  <NullableBooleanInput key="hasActiveDiscount" source="hasActiveDiscount" label="Есть действующий код" />,
  <BooleanInput key="isTest" source="isTest" label="Тестовые клиенты" />,
];
