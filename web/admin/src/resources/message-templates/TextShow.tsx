import { Show, SimpleShowLayout, TextField, FunctionField } from 'react-admin';

/** One bot text, for reading. */
export default function TextShow() {
  return (
    <Show title="Текст бота">
      <SimpleShowLayout>
        <TextField source="key" label="Ключ" />
        <TextField source="description" label="Где используется" emptyText="—" />
        <TextField source="text" label="Текст" />
        <FunctionField
          label="Подстановки"
          render={(r) => (r.placeholders as string[]).map((p) => `{${p}}`).join(' ')}
        />
      </SimpleShowLayout>
    </Show>
  );
}
