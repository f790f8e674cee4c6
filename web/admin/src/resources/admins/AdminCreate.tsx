import { Create, PasswordInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { ADMIN_ROLE_CHOICES } from './admin-roles';

/** A new admin with a password they change later. */
export default function AdminCreate() {
  return (
    <Create title="Новый администратор" redirect="list">
      <SimpleForm>
        <TextInput
          source="username"
          label="Имя пользователя"
          helperText="3–64 букв, цифр, «.», «_», «-»"
          validate={required()}
        />
        <PasswordInput
          source="password"
          label="Пароль"
          helperText="От 10 символов, не только цифры"
          validate={required()}
        />
        <SelectInput source="role" label="Роль" choices={ADMIN_ROLE_CHOICES} validate={required()} />
      </SimpleForm>
    </Create>
  );
}
