import { Stack } from '@mui/material';
import { useInput } from 'react-admin';
import { FilterBuilder } from './FilterBuilder';
import type { Group } from './filter-tree';
import { SegmentPreview } from './SegmentPreview';
import { useSegmentPreview } from './use-segment-preview';

/** The form's `filter`: the builder beside its live preview. */
export function FilterInput({ readOnly }: { readOnly?: boolean }) {
  const { field } = useInput<Group>({
    source: 'filter',
    defaultValue: { all: [] },
    format: (v) => v,
    parse: (v) => v,
  });
  const filter = (field.value as Group | undefined) ?? { all: [] };
  const preview = useSegmentPreview(filter, !readOnly);
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
      <Stack sx={{ flex: 2, minWidth: 0 }}>
        <FilterBuilder
          value={filter}
          onChange={field.onChange}
          errorPath={preview.errorPath}
          errorText={preview.errorText}
          readOnly={readOnly}
        />
      </Stack>
      <Stack sx={{ flex: 1 }}>
        <SegmentPreview preview={preview} />
      </Stack>
    </Stack>
  );
}
