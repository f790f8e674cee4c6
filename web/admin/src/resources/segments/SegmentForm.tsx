import { SimpleForm, TextInput, required } from 'react-admin';
import { FilterInput } from './FilterInput';

/** Name, description and the rule tree of a segment. */
export function SegmentForm() {
  return (
    <SimpleForm>
      <TextInput source="name" label="Название" validate={required()} fullWidth />
      <TextInput source="description" label="Описание" fullWidth multiline />
      <FilterInput />
    </SimpleForm>
  );
}
