import { Box, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Title } from 'react-admin';
import { ActionError } from '../common/ActionError';
import { prefetchMainPages } from '../page-modules';
import { formatCalendarDate } from '../format/shop-time';
import { Alerts } from './Alerts';
import { KpiCards } from './KpiCards';
import type { Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { SourcesPanel } from './SourcesPanel';
import { defaultPeriod } from './stats-reads';
import { useStats } from './use-stats';

// recharts is the heaviest library of the panel: the figures show first, the charts follow.
const DailyChart = lazy(() => import('./DailyChart'));

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** Сводка: the KPIs, the daily chart and the sources of a period, with what needs attention. */
export default function Dashboard() {
  const [period, setPeriod] = useState<Period>(defaultPeriod);
  const { kpi, daily, sources } = useStats(period);
  const error = kpi.error ?? daily.error ?? sources.error;
  const shown = kpi.data !== undefined;
  // The figures are on screen: the pages the admin goes to next are fetched while they read them.
  useEffect(() => (shown ? prefetchMainPages() : undefined), [shown]);
  return (
    <Box component="main" sx={{ p: { xs: 1, sm: 2 }, minWidth: 0 }}>
      <Title title="Сводка" />
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
          <Typography variant="h5" component="h1">
            Сводка {formatCalendarDate(period.from)} — {formatCalendarDate(period.to)}
          </Typography>
          <PeriodPicker value={period} onChange={setPeriod} />
        </Stack>
        <Alerts />
        <ActionError error={error} />
        {kpi.data ? <KpiCards kpi={kpi.data} /> : !error && <CircularProgress aria-label="Загрузка" />}
        <Section title="По дням">
          <Suspense fallback={null}>{daily.data && <DailyChart days={daily.data.days} />}</Suspense>
        </Section>
        <Section title="Источники">{sources.data && <SourcesPanel rows={sources.data.items} />}</Section>
      </Stack>
    </Box>
  );
}
