import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import {
  DeleteWithConfirmButton,
  EditButton,
  Labeled,
  Show,
  Tab,
  TabbedShowLayout,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { label, USER_STATUS } from '../../common/labels';
import { formatCalendarDate, formatShopDateTime } from '../../format/shop-time';
import { IssueCodeButton } from '../discounts/IssueCodeButton';
import { TagChips } from './TagChips';
import { UserAudit } from './UserAudit';
import { UserCodes, UserRedemptions } from './UserCodes';
import { userName } from './user-name';

function Actions() {
  const record = useRecordContext();
  const edit = useCanAccess({ resource: 'users', action: 'edit' });
  const remove = useCanAccess({ resource: 'users', action: 'delete' });
  const deleted = record?.status === 'deleted';
  return (
    <TopToolbar>
      {edit.canAccess && !deleted && record && <IssueCodeButton userId={Number(record.id)} />}
      {edit.canAccess && !deleted && <EditButton label="Изменить" />}
      {remove.canAccess && !deleted && (
        <DeleteWithConfirmButton
          label="Удалить"
          confirmTitle="Удалить клиента?"
          confirmContent="Личные данные будут обезличены, действующие коды отозваны. Отменить нельзя."
          mutationMode="pessimistic"
        />
      )}
    </TopToolbar>
  );
}

function Value({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Labeled label={title}>
        <Typography variant="body2" component="span">
          {children}
        </Typography>
      </Labeled>
    </Grid>
  );
}

function Summary() {
  const u = useRecordContext();
  if (!u) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {userName(u)}
        </Typography>
        <Grid container spacing={1}>
          <Value title="Telegram ID">{String(u.telegramId ?? '—')}</Value>
          <Value title="Статус">{label(USER_STATUS, u.status)}</Value>
          <Value title="Источник">{String(u.source)}</Value>
          <Value title="Подписан на канал">{u.isSubscribed ? 'Да' : 'Нет'}</Value>
          <Value title="Дата рождения">
            {formatCalendarDate(u.birthDate as string | null) || 'не указана'}
          </Value>
          <Value title="Тестовый клиент">{u.isTest ? 'Да' : 'Нет'}</Value>
          <Value title="Регистрация">{formatShopDateTime(u.createdAt as string)}</Value>
          <Value title="Последняя активность">{formatShopDateTime(u.lastActivityAt as string) || '—'}</Value>
          <Value title="Пригласил клиентов">{String(u.invitedCount ?? 0)}</Value>
        </Grid>
        <Box sx={{ mt: 1 }}>
          <Labeled label="Теги">
            <TagChips tags={u.tags as string[]} />
          </Labeled>
        </Box>
        <Box sx={{ mt: 1 }}>
          <Labeled label="Заметки">
            <Typography variant="body2" component="span" sx={{ whiteSpace: 'pre-wrap' }}>
              {(u.notes as string | null) || '—'}
            </Typography>
          </Labeled>
        </Box>
      </CardContent>
    </Card>
  );
}

function Codes() {
  const u = useRecordContext();
  return <UserCodes codes={(u?.discounts ?? []) as never[]} />;
}

function Redemptions() {
  const u = useRecordContext();
  return <UserRedemptions redemptions={(u?.redemptions ?? []) as never[]} />;
}

function Audit() {
  const u = useRecordContext();
  return u ? <UserAudit userId={Number(u.id)} /> : null;
}

/** The client card: who they are, their codes, redemptions and audit entries. */
export default function UserShow() {
  return (
    <Show title="Карточка клиента" actions={<Actions />}>
      <Box sx={{ p: { xs: 1, sm: 2 } }}>
        <Summary />
      </Box>
      <TabbedShowLayout>
        <Tab label="Коды">
          <Box sx={{ overflowX: 'auto' }}>
            <Codes />
          </Box>
        </Tab>
        <Tab label="Погашения" path="redemptions">
          <Box sx={{ overflowX: 'auto' }}>
            <Redemptions />
          </Box>
        </Tab>
        <Tab label="Журнал" path="audit">
          <Box sx={{ overflowX: 'auto' }}>
            <Audit />
          </Box>
        </Tab>
      </TabbedShowLayout>
    </Show>
  );
}
