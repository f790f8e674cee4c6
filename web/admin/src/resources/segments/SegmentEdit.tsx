import { Edit } from 'react-admin';
import { SegmentForm } from './SegmentForm';

/** Сегмент: rules with the live count (system segments are read-only on the server). */
export default function SegmentEdit() {
  return (
    <Edit title="Сегмент" mutationMode="pessimistic" redirect="list">
      <SegmentForm />
    </Edit>
  );
}
