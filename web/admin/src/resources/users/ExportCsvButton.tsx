import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext, useNotify } from 'react-admin';
import { apiFetch, type QueryValue } from '../../api/http';
import { errorMessage } from '../../errors/error-messages';

/** Downloads the API's own CSV of the current filter (every matching client, streamed by the server). */
export function ExportCsvButton() {
  const { filterValues } = useListContext();
  const notify = useNotify();
  const download = async () => {
    try {
      const response = await apiFetch('/users/export.csv', {
        query: filterValues as Record<string, QueryValue>,
      });
      const blob = await response.blob();
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'users.csv';
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <Button label="Выгрузить CSV" onClick={() => void download()}>
      <DownloadIcon />
    </Button>
  );
}
