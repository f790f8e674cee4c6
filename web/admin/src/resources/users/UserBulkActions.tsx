import { BulkTagsButton } from './BulkTagsButton';
import { BulkIssueButton } from './BulkIssueButton';

/** What a writer may do with selected clients. */
export function UserBulkActions() {
  return (
    <>
      <BulkTagsButton />
      <BulkIssueButton />
    </>
  );
}
