import { Button, Stack, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  DeleteButton,
  Edit,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextField,
  Toolbar,
  useNotify,
  useRecordContext,
} from 'react-admin';
import { apiRequest } from '../../api/http';
import { ActionDialog } from '../../common/ActionDialog';
import { ADMIN_ROLE_CHOICES } from './admin-roles';

function NewPassword() {
  const record = useRecordContext<{ id: number }>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  if (!record) return null;
  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        Задать новый пароль
      </Button>
      <ActionDialog
        open={open}
        title="Новый пароль"
        confirm="Сохранить пароль"
        onClose={() => setOpen(false)}
        disabled={password.length === 0}
        run={async () => {
          await apiRequest(`/admins/${record.id}/password`, { method: 'POST', body: { password } });
          setPassword('');
          notify('Пароль изменён', { type: 'success' });
        }}
      >
        <MuiTextField
          type="password"
          label="Пароль"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          fullWidth
          margin="normal"
          autoComplete="new-password"
        />
      </ActionDialog>
    </>
  );
}

function AdminToolbar() {
  return (
    <Toolbar>
      <Stack direction="row" spacing={2} sx={{ width: '100%', justifyContent: 'space-between' }}>
        <SaveButton label="Сохранить" />
        <DeleteButton
          label="Удалить"
          mutationMode="pessimistic"
          confirmTitle="Удалить администратора?"
          confirmContent=""
        />
      </Stack>
    </Toolbar>
  );
}

/** An admin's role and activity, a new password, deletion (the API keeps the last owner). */
export default function AdminEdit() {
  return (
    <Edit title="Администратор" mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<AdminToolbar />}>
        <TextField source="username" label="Имя пользователя" />
        <SelectInput source="role" label="Роль" choices={ADMIN_ROLE_CHOICES} />
        <BooleanInput source="isActive" label="Может входить" />
        <NewPassword />
      </SimpleForm>
    </Edit>
  );
}
