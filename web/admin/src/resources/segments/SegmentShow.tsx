import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { apiRequest } from '../../api/http';
import { FilterBuilder } from './FilterBuilder';
import type { Group } from './filter-tree';

function Rules() {
  const record = useRecordContext<{ id: number; filter: Group }>();
  const count = useQuery({
    queryKey: ['segment-count', record?.id],
    queryFn: () => apiRequest<{ count: number }>(`/segments/${record?.id}/count`),
    enabled: record !== undefined,
  });
  if (!record) return null;
  return (
    <>
      <Typography variant="h6" component="h2">
        Клиентов в сегменте: {count.data?.count ?? '—'}
      </Typography>
      <FilterBuilder
        value={record.filter}
        onChange={() => undefined}
        errorPath={null}
        errorText={null}
        readOnly
      />
    </>
  );
}

/** A segment for reading (readonly admins). */
export default function SegmentShow() {
  return (
    <Show title="Сегмент">
      <SimpleShowLayout>
        <TextField source="name" label="Название" />
        <TextField source="description" label="Описание" emptyText="—" />
        <Rules />
      </SimpleShowLayout>
    </Show>
  );
}
