import RedeemIcon from '@mui/icons-material/Redeem';
import {
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, useGetList, useListContext } from 'react-admin';
import { answer, api } from '../../api/client';
import { ActionError } from '../../common/ActionError';
import { JOB_STATES, jobPercent, useJobProgress } from '../../common/use-job-progress';

interface JobResult {
  total?: number;
  issued?: number;
  skipped?: number;
  failed?: number;
}

/** Issues a discount template to the selected clients as a background job and follows its progress. */
export function BulkIssueButton() {
  const { selectedIds } = useListContext();
  const [open, setOpen] = useState(false);
  const [templateId, setTemplateId] = useState<number | ''>('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const templates = useGetList(
    'discount-templates',
    {
      filter: { isActive: true },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'name', order: 'ASC' },
    },
    { enabled: open },
  );
  const job = useJobProgress(jobId);
  const result = (job.data?.result ?? null) as JobResult | null;

  const start = async () => {
    setError(null);
    try {
      const started = await answer(
        api.POST('/api/v1/users/bulk/discounts', {
          body: { templateId: Number(templateId), userIds: selectedIds.map(Number) },
        }),
      );
      setJobId(started.jobId);
    } catch (e) {
      setError(e);
    }
  };
  const close = () => {
    setOpen(false);
    setJobId(null);
    setError(null);
  };

  return (
    <>
      <Button label="Выдать скидку" onClick={() => setOpen(true)}>
        <RedeemIcon />
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="bulk-issue-title" fullWidth maxWidth="xs">
        <DialogTitle id="bulk-issue-title">Выдать скидку выбранным ({selectedIds.length})</DialogTitle>
        <DialogContent>
          <TextField
            select
            label="Шаблон скидки"
            value={templateId}
            onChange={(e) => setTemplateId(Number(e.target.value))}
            fullWidth
            margin="normal"
            disabled={jobId !== null}
          >
            {(templates.data ?? []).map((t) => (
              <MenuItem key={t.id} value={t.id}>
                {String(t.name)} ({String(t.valueText)})
              </MenuItem>
            ))}
          </TextField>
          {jobId && (
            <Box sx={{ mt: 2 }} aria-live="polite">
              <Typography variant="body2">
                Задача: {JOB_STATES[job.data?.state ?? 'waiting'] ?? job.data?.state}
              </Typography>
              <LinearProgress
                variant="determinate"
                value={jobPercent(job.data)}
                aria-label="Ход выдачи"
                sx={{ my: 1 }}
              />
              {result && (
                <Typography variant="body2" data-testid="bulk-issue-result">
                  Выдано: {result.issued ?? 0}, пропущено: {result.skipped ?? 0}, ошибок: {result.failed ?? 0}
                </Typography>
              )}
              {job.data?.failedReason && <Typography color="error">{job.data.failedReason}</Typography>}
            </Box>
          )}
          <ActionError error={error ?? job.error} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>Закрыть</MuiButton>
          <MuiButton
            variant="contained"
            onClick={() => void start()}
            disabled={templateId === '' || jobId !== null}
          >
            Выдать
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
