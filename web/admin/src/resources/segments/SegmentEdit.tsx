import { Edit, ListButton, TopToolbar } from 'react-admin';
import { SegmentForm } from './SegmentForm';
import { SegmentTagsButton } from './SegmentTagsButton';

/** Сегмент: rules with the live count (system segments are read-only on the server), and bulk tags. */
export default function SegmentEdit() {
  return (
    <Edit
      title="Сегмент"
      mutationMode="pessimistic"
      redirect="list"
      actions={
        <TopToolbar>
          <SegmentTagsButton />
          <ListButton />
        </TopToolbar>
      }
    >
      <SegmentForm />
    </Edit>
  );
}
