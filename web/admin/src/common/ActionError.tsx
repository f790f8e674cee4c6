import { Alert } from '@mui/material';
import { errorMessage } from '../errors/error-messages';
import { ApiError } from '../api/api-error';

/** The Russian message of a refused action, shown right next to the action (role="alert" for readers). */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields.map((f) => f.field).join(', ') : '';
  return (
    <Alert severity="error" role="alert" sx={{ mt: 1 }}>
      {errorMessage(error)}
      {fields ? ` (${fields})` : ''}
    </Alert>
  );
}
