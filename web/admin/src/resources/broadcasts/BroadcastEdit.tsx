import { Edit } from 'react-admin';
import { ComposeForm } from './ComposeForm';
import { withoutStrayMedia } from './without-stray-media';

/** A draft broadcast, changed (the server refuses once it is scheduled or sent). */
export default function BroadcastEdit() {
  return (
    <Edit title="Черновик рассылки" mutationMode="pessimistic" redirect="show" transform={withoutStrayMedia}>
      <ComposeForm />
    </Edit>
  );
}
