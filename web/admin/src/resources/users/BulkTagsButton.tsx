import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { useState } from 'react';
import { Button, useListContext, useRefresh, useUnselectAll } from 'react-admin';
import { BulkTagsDialog } from './BulkTagsDialog';

/** Adds and removes tags on the selected clients. */
export function BulkTagsButton() {
  const { selectedIds } = useListContext();
  const [open, setOpen] = useState(false);
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('users');
  return (
    <>
      <Button label="Теги" onClick={() => setOpen(true)}>
        <LocalOfferIcon />
      </Button>
      <BulkTagsDialog
        open={open}
        title={`Теги для выбранных клиентов (${selectedIds.length})`}
        target={{ userIds: selectedIds.map(Number) }}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          unselectAll();
          refresh();
        }}
      />
    </>
  );
}
