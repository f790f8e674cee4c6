import ClearIcon from '@mui/icons-material/Clear';
import DoneIcon from '@mui/icons-material/Done';
import type { SxProps, Theme } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatCalendarDate, formatShopDateTime } from '../../format/shop-time';
import { userName } from './user-name';

/**
 * The client list's cells: plain text in the table cell (which already sets the body2 font) and tags
 * styled once by the grid (`clientGridSx`), not react-admin's fields. 25 rows of MUI Typography, Chip
 * and Tooltip were most of the script time of a click on «Клиенты» (`BENCH_TRACE=1 npm run
 * bench:admin-panel`): every one computes and hashes its emotion styles on each render.
 */
interface CellProps {
  source?: string;
  /** Read by the grid's header (the column's title, sorting) and by «Столбцы». */
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

function useValue(source: string | undefined): unknown {
  const record = useRecordContext<Record<string, unknown>>();
  return source ? record?.[source] : undefined;
}

/** A field's value as text. */
export function TextCell({ source }: CellProps) {
  const value = useValue(source);
  return <>{value === null || value === undefined ? '' : String(value)}</>;
}

/** The client's name, as `userName` writes it. */
export function ClientNameCell(_props: CellProps) {
  const record = useRecordContext();
  return <>{record ? userName(record) : ''}</>;
}

/** A date-time in shop time, or a calendar date with `calendar`; a dash when there is none. */
export function DateCell({ source, calendar }: CellProps & { calendar?: boolean }) {
  const value = useValue(source) as string | null | undefined;
  return <>{(calendar ? formatCalendarDate(value) : formatShopDateTime(value)) || '—'}</>;
}

/** Yes/no as react-admin's BooleanField shows it (a tick or a cross), named for screen readers. */
export function YesNoCell({ source }: CellProps) {
  const value = useValue(source);
  const translate = useTranslate();
  if (value !== true && value !== false) return null;
  const Icon = value ? DoneIcon : ClearIcon;
  return <Icon fontSize="small" titleAccess={translate(value ? 'ra.boolean.true' : 'ra.boolean.false')} />;
}

/** The client's tags as small chips (`client-tag`, styled by `clientGridSx`), or a dash. */
export function TagsCell({ source }: CellProps) {
  const tags = useValue(source) as readonly string[] | undefined;
  if (!tags || tags.length === 0) return <>—</>;
  return (
    <span className="client-tags">
      {tags.map((tag) => (
        <span key={tag} className="client-tag">
          {tag}
        </span>
      ))}
    </span>
  );
}

/** The grid's one style for the cells above: MUI's small filled Chip, as CSS shared by every row. */
export const clientGridSx: SxProps<Theme> = (theme) => ({
  '& .client-tags': { display: 'flex', flexWrap: 'wrap', gap: '4px' },
  '& .client-tag': {
    display: 'inline-flex',
    alignItems: 'center',
    height: 24,
    paddingInline: '8px',
    borderRadius: '12px',
    fontSize: theme.typography.pxToRem(13),
    whiteSpace: 'nowrap',
    color: (theme.vars ?? theme).palette.text.primary,
    backgroundColor: (theme.vars ?? theme).palette.action.selected,
  },
  '& td > svg': { verticalAlign: 'middle' },
});
