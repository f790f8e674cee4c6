import { Alert, Stack } from '@mui/material';
import { useAlerts } from './use-stats';

/** Pending cashiers and failed jobs: what needs the owner's attention. */
export function Alerts() {
  const { pendingCashiers, failedJobs } = useAlerts();
  if (pendingCashiers === 0 && failedJobs === 0) return null;
  return (
    <Stack spacing={1}>
      {pendingCashiers > 0 && (
        <Alert severity="warning" data-testid="alert-cashiers">
          Кассиров ждут решения: {pendingCashiers}
        </Alert>
      )}
      {failedJobs > 0 && (
        <Alert severity="error" data-testid="alert-jobs">
          Задач с ошибкой: {failedJobs}
        </Alert>
      )}
    </Stack>
  );
}
