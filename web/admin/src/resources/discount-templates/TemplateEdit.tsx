import { DeleteWithConfirmButton, Edit, TopToolbar, useCanAccess } from 'react-admin';
import { TemplateForm } from './TemplateForm';

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'discount-templates', action: 'delete' });
  return (
    <TopToolbar>
      {canAccess && (
        <DeleteWithConfirmButton
          label="Удалить"
          confirmTitle="Удалить шаблон?"
          confirmContent="Удалить можно только шаблон, по которому не выдано ни одного кода; иначе выключите его."
          mutationMode="pessimistic"
        />
      )}
    </TopToolbar>
  );
}

/** Change a template (issued codes keep their value); switching «Включён» off deactivates it. */
export default function TemplateEdit() {
  return (
    <Edit title="Шаблон скидки" mutationMode="pessimistic" actions={<Actions />} redirect="list">
      <TemplateForm />
    </Edit>
  );
}
