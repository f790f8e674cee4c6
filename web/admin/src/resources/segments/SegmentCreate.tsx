import { Create } from 'react-admin';
import { SegmentForm } from './SegmentForm';

/** Новый сегмент. */
export default function SegmentCreate() {
  return (
    <Create title="Новый сегмент" redirect="list">
      <SegmentForm />
    </Create>
  );
}
