import {
  BooleanInput,
  FormDataConsumer,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { KeepDraft } from '../../forms/KeepDraft';
import { KINDS, PURPOSES, RECURRENCES, USAGES } from './template-labels';

const toRubles = (kopecks: unknown) => (typeof kopecks === 'number' ? kopecks / 100 : kopecks);
const toKopecks = (rubles: unknown) =>
  rubles === '' || rubles === null || rubles === undefined ? null : Math.round(Number(rubles) * 100);

/**
 * The template's fields, each with the rule it sets explained under it. Money is typed in rubles and sent
 * in kopecks (the API's unit).
 */
export function TemplateForm() {
  return (
    <SimpleForm
      sanitizeEmptyValues
      defaultValues={{
        purpose: 'manual',
        kind: 'percent',
        usage: 'single',
        recurrence: 'none',
        isActive: true,
      }}
    >
      <KeepDraft form="discount-templates" />
      <TextInput
        source="name"
        label="Название"
        validate={required()}
        fullWidth
        helperText="Видно администраторам, например «Скидка 300 ₽ от 1500 ₽»"
      />
      <SelectInput
        source="purpose"
        label="Назначение"
        choices={PURPOSES}
        helperText="«За подписку» и «На день рождения» выдаются ботом автоматически (шаблон выбирается в настройках); «Ручная» — из панели и массовой выдачей"
      />
      <SelectInput
        source="kind"
        label="Тип скидки"
        choices={KINDS}
        validate={required()}
        helperText="Уже выданные коды сохраняют свой размер"
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind === 'fixed' ? (
            <NumberInput
              source="value"
              label="Размер скидки, ₽"
              format={toRubles}
              parse={toKopecks}
              validate={[required(), minValue(1)]}
              helperText="Сколько рублей вычесть из покупки"
            />
          ) : (
            <NumberInput
              source="value"
              label="Размер скидки, %"
              validate={[required(), minValue(1), maxValue(100)]}
              helperText="От 1 до 100 процентов от суммы покупки"
            />
          )
        }
      </FormDataConsumer>
      <SelectInput
        source="usage"
        label="Как гасится"
        choices={USAGES}
        helperText="Личный код принадлежит одному клиенту; общий код один на всех, каждый клиент гасит его один раз"
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.usage === 'shared' && (
            <NumberInput
              source="maxRedemptions"
              label="Всего погашений"
              validate={minValue(1)}
              helperText="Только для общего кода: сколько раз его можно погасить всего; пусто — без ограничения"
            />
          )
        }
      </FormDataConsumer>
      <NumberInput
        source="validDays"
        label="Срок действия, дней"
        validate={minValue(1)}
        helperText="Сколько дней код действует после выдачи; пусто — бессрочно"
      />
      <SelectInput
        source="recurrence"
        label="Повторная выдача"
        choices={RECURRENCES}
        helperText="Как часто один клиент может получить код этого шаблона (год считается по времени магазина)"
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.recurrence === 'every_n_days' && (
            <NumberInput
              source="recurrenceDays"
              label="N дней"
              validate={[required(), minValue(1)]}
              helperText="Не чаще одного кода за столько дней"
            />
          )
        }
      </FormDataConsumer>
      <NumberInput
        source="minPurchase"
        label="Минимальная покупка, ₽"
        format={toRubles}
        parse={toKopecks}
        validate={minValue(0.01)}
        helperText="Код гасится только при покупке не меньше этой суммы (кассир вводит сумму); пусто — без минимума"
      />
      <TextInput
        source="description"
        label="Описание для клиента"
        multiline
        fullWidth
        helperText="Клиент увидит его в боте рядом с кодом"
      />
      <BooleanInput
        source="isActive"
        label="Включён"
        helperText="Выключенный шаблон нельзя выдать; уже выданные коды продолжают действовать"
      />
    </SimpleForm>
  );
}
