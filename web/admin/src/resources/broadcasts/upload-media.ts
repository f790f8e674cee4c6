import { ApiError, isErrorBody } from '../../api/api-error';
import { API_ROOT } from '../../api/http';
import { readSession } from '../../api/session';

export interface UploadedMedia {
  id: number;
  media: string;
  kind: 'photo' | 'video';
  fileName: string;
  sizeBytes: number;
}

/** Sends a file from the computer to POST /broadcast-media (multipart); throws an ApiError on refusal. */
export async function uploadMedia(file: File): Promise<UploadedMedia> {
  const form = new FormData();
  form.append('file', file, file.name);
  const session = readSession();
  let response: Response;
  try {
    response = await fetch(`${API_ROOT}/broadcast-media`, {
      method: 'POST',
      headers: session ? { Authorization: `Bearer ${session.token}` } : {},
      body: form,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error', null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as UploadedMedia;
  if (isErrorBody(body))
    throw new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  throw new ApiError(response.status, 'INTERNAL_ERROR', response.statusText, null);
}
