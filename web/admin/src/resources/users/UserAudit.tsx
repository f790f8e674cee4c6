import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/http';
import type { PageEnvelope } from '../../providers/data-provider';
import { ActionError } from '../../common/ActionError';
import { formatShopDateTime } from '../../format/shop-time';

interface AuditEntry {
  id: number;
  actorType: string;
  actorId: string | null;
  action: string;
  changes: Record<string, unknown> | null;
  createdAt: string;
}

/** The audit entries about one client (GET /audit-logs?entityType=user&entityId=…), newest first. */
export function UserAudit({ userId }: { userId: number }) {
  const entries = useQuery({
    queryKey: ['audit', 'user', userId],
    queryFn: () =>
      apiRequest<PageEnvelope<AuditEntry>>('/audit-logs', {
        query: { entityType: 'user', entityId: String(userId), limit: 50 },
      }),
  });
  if (entries.error) return <ActionError error={entries.error} />;
  const items = entries.data?.items ?? [];
  if (!entries.data) return <Typography variant="body2">Загрузка…</Typography>;
  if (items.length === 0) return <Typography variant="body2">Записей нет</Typography>;
  return (
    <Table size="small" aria-label="Журнал по клиенту">
      <TableHead>
        <TableRow>
          <TableCell>Когда</TableCell>
          <TableCell>Кто</TableCell>
          <TableCell>Действие</TableCell>
          <TableCell>Изменения</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((e) => (
          <TableRow key={e.id}>
            <TableCell>{formatShopDateTime(e.createdAt)}</TableCell>
            <TableCell>
              {e.actorType} {e.actorId ?? ''}
            </TableCell>
            <TableCell>{e.action}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>
              {e.changes ? JSON.stringify(e.changes) : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
