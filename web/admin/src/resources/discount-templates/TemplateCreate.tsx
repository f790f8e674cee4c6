import { Create } from 'react-admin';
import { TemplateForm } from './TemplateForm';

export default function TemplateCreate() {
  return (
    <Create title="Новый шаблон скидки" redirect="list">
      <TemplateForm />
    </Create>
  );
}
