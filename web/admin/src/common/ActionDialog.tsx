import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { ActionError } from './ActionError';

/**
 * A dialog around one API action: the form fields, a confirm button, and the API's refusal in Russian right
 * under the fields. `run` throws to show the error; resolving closes the dialog.
 */
export function ActionDialog({
  open,
  title,
  confirm,
  onClose,
  run,
  disabled,
  children,
}: {
  open: boolean;
  title: string;
  confirm: string;
  onClose: () => void;
  run: () => Promise<void>;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} aria-labelledby={id} fullWidth maxWidth="xs">
      <DialogTitle id={id}>{title}</DialogTitle>
      <DialogContent>
        {children}
        <ActionError error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Отмена</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy || disabled}>
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
