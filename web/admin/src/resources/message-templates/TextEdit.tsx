import { Stack } from '@mui/material';
import { Edit, SaveButton, SimpleForm, TextField, TextInput, Toolbar, required } from 'react-admin';
import { KeepDraft } from '../../forms/KeepDraft';
import { TextPreview } from './TextPreview';

/** One bot text: Telegram HTML with its placeholders, previewed as the client will read it. */
export default function TextEdit() {
  return (
    <Edit title="Текст бота" mutationMode="pessimistic" redirect="list">
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton label="Сохранить" />
          </Toolbar>
        }
      >
        <KeepDraft form="message-templates" />
        <TextField source="key" label="Ключ" />
        <TextField source="description" label="Где используется" emptyText="—" />
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ width: '100%' }}>
          <TextInput
            source="text"
            label="Текст (Telegram HTML)"
            multiline
            minRows={6}
            validate={required()}
            sx={{ flex: 1 }}
          />
          <Stack sx={{ flex: 1 }}>
            <TextPreview />
          </Stack>
        </Stack>
      </SimpleForm>
    </Edit>
  );
}
