import { badRequest } from './api-error';
import type { ChatRef, Params } from './types';
import { UploadedFile } from './uploaded-file';

/** Typed access to a call's parameters, failing the way Telegram does when one is missing or malformed. */
export class ParamReader {
  constructor(readonly raw: Params) {}

  has(name: string): boolean {
    const value = this.raw[name];
    return value !== undefined && value !== null && value !== '';
  }

  /** A text parameter; numbers and booleans are accepted as their text, as form fields would carry them. */
  string(name: string): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  /** A text parameter that must be present and not blank; `missing` is Telegram's reason when it is. */
  requiredString(name: string, missing: string): string {
    const value = this.string(name);
    if (value === undefined || value.trim() === '') throw badRequest(missing);
    return value;
  }

  int(name: string): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null || value === '') return undefined;
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isInteger(number)) throw badRequest(`field "${name}" must be of type Integer`);
    return number;
  }

  requiredInt(name: string, missing: string): number {
    const value = this.int(name);
    if (value === undefined) throw badRequest(missing);
    return value;
  }

  bool(name: string): boolean {
    const value = this.raw[name];
    return value === true || value === 'true' || value === 1 || value === '1';
  }

  /** A chat reference (`chat_id`, `from_chat_id`): a number, a numeric string or an `@username`. */
  chatRef(name: string): ChatRef | undefined {
    const value = this.raw[name];
    if (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) return value;
    return undefined;
  }

  /** A file parameter: a file_id or URL string, or an uploaded file part. */
  file(name: string): string | UploadedFile | undefined {
    const value = this.raw[name];
    if (value instanceof UploadedFile) return value;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (value === undefined || value === null || value === '') return undefined;
    throw badRequest('wrong file identifier/HTTP URL specified');
  }

  /** A JSON parameter, parsed when it arrived as text. */
  json(name: string): unknown {
    const value = this.raw[name];
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }
}
