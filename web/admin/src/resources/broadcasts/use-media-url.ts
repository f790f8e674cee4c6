import { useEffect, useState } from 'react';
import { apiFetch } from '../../api/http';
import { uploadIdOf } from './broadcast-labels';

/**
 * A URL the preview can show for a broadcast's media: an https URL as is, an uploaded file fetched with the
 * session's token into a blob: URL (the file route needs the Authorization header), a file_id: nothing.
 */
export function useMediaUrl(media: string | null | undefined): string | null {
  const uploadId = uploadIdOf(media);
  const [blobUrl, setBlobUrl] = useState<string | null>(null);
  useEffect(() => {
    if (uploadId === null) return;
    let url: string | null = null;
    let current = true;
    apiFetch(`/broadcast-media/${uploadId}`)
      .then((response) => response.blob())
      .then((blob) => {
        if (!current) return;
        url = URL.createObjectURL(blob);
        setBlobUrl(url);
      })
      .catch(() => setBlobUrl(null));
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [uploadId]);
  if (uploadId !== null) return blobUrl;
  return media && /^https:\/\//i.test(media) ? media : null;
}
