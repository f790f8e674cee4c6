import { Create } from 'react-admin';
import { ComposeForm } from './ComposeForm';
import { withoutStrayMedia } from './without-stray-media';

/** Новая рассылка: saved as a draft, then sent or scheduled from its page. */
export default function BroadcastCreate() {
  return (
    <Create title="Новая рассылка" redirect="show" transform={withoutStrayMedia}>
      <ComposeForm />
    </Create>
  );
}
