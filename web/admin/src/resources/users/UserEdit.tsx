import {
  BooleanInput,
  DateInput,
  Edit,
  SimpleForm,
  TextArrayInput,
  TextInput,
  Toolbar,
  SaveButton,
} from 'react-admin';
import { KeepDraft } from '../../forms/KeepDraft';

/** The fields the API lets an admin change: tags, notes, birth date, test flag. */
const editable = (data: Record<string, unknown>) => ({
  tags: data.tags,
  notes: data.notes === '' ? null : data.notes,
  birthDate: data.birthDate === '' ? null : data.birthDate,
  isTest: data.isTest,
});

function EditToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Сохранить" />
    </Toolbar>
  );
}

/** Tags, notes, birth date and test flag of one client; API refusals appear under their field. */
export default function UserEdit() {
  return (
    <Edit title="Изменить клиента" mutationMode="pessimistic" transform={editable} redirect="show">
      <SimpleForm toolbar={<EditToolbar />} sanitizeEmptyValues={false}>
        <KeepDraft form="users" />
        <TextArrayInput
          source="tags"
          label="Теги"
          helperText="Не больше 20; каждый от 1 до 32 букв, цифр, «_» или «-». Введите тег и нажмите Enter"
        />
        <TextInput source="notes" label="Заметки" multiline minRows={3} fullWidth />
        <DateInput source="birthDate" label="Дата рождения" />
        <BooleanInput source="isTest" label="Тестовый клиент (не попадает в рассылки и сводку)" />
      </SimpleForm>
    </Edit>
  );
}
