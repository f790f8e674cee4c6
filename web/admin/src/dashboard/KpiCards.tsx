import { Card, CardContent, Grid, Typography } from '@mui/material';
import type { Kpi } from './use-stats';

const number = new Intl.NumberFormat('ru-RU');
const percent = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 });

function KpiCard({ title, value, note, id }: { title: string; value: string; note?: string; id: string }) {
  return (
    <Grid size={{ xs: 6, md: 3 }}>
      <Card variant="outlined" sx={{ height: '100%' }} data-kpi={id}>
        <CardContent>
          <Typography variant="body2" color="text.secondary" component="h3">
            {title}
          </Typography>
          <Typography variant="h5" component="p" data-testid={`kpi-${id}`}>
            {value}
          </Typography>
          {note && (
            <Typography variant="caption" color="text.secondary">
              {note}
            </Typography>
          )}
        </CardContent>
      </Card>
    </Grid>
  );
}

/** The KPI cards of the period (figures exactly as GET /stats/kpi gives them). */
export function KpiCards({ kpi }: { kpi: Kpi }) {
  return (
    <Grid container spacing={1.5}>
      <KpiCard
        id="users-total"
        title="Клиентов всего"
        value={number.format(kpi.users.total)}
        note={`подписаны ${percent.format(kpi.users.subscribedShare)}`}
      />
      <KpiCard
        id="users-new"
        title="Новых за период"
        value={number.format(kpi.users.new)}
        note={`по приглашению ${number.format(kpi.users.referrals)}`}
      />
      <KpiCard id="codes-issued" title="Выдано кодов" value={number.format(kpi.codes.issued)} />
      <KpiCard
        id="codes-redeemed"
        title="Погашено кодов"
        value={number.format(kpi.codes.redeemed)}
        note={`доля погашенных ${percent.format(kpi.codes.redemptionRate)}`}
      />
      <KpiCard id="users-subscribed" title="Подписаны на канал" value={number.format(kpi.users.subscribed)} />
      <KpiCard id="birthdays" title="Указали день рождения" value={number.format(kpi.users.birthdaysSet)} />
      <KpiCard
        id="delivered"
        title="Доставлено сообщений"
        value={number.format(kpi.broadcasts.delivered)}
        note={`рассылок ${number.format(kpi.broadcasts.sent)}, доставлено ${percent.format(kpi.broadcasts.deliveryRate)}`}
      />
      <KpiCard id="cashiers" title="Активных кассиров" value={number.format(kpi.activeCashiers)} />
    </Grid>
  );
}
