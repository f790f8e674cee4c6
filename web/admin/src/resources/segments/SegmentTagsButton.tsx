import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { useState } from 'react';
import { Button, useRecordContext } from 'react-admin';
import { BulkTagsDialog } from '../users/BulkTagsDialog';

/** Adds and removes tags on every client of this saved segment (the server resolves it at that moment). */
export function SegmentTagsButton() {
  const record = useRecordContext<{ id: number; name: string }>();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button label="Теги клиентам сегмента" onClick={() => setOpen(true)}>
        <LocalOfferIcon />
      </Button>
      <BulkTagsDialog
        open={open}
        title={`Теги всем клиентам сегмента «${record.name}»`}
        target={{ segmentId: Number(record.id) }}
        onClose={() => setOpen(false)}
        onDone={() => setOpen(false)}
      />
    </>
  );
}
