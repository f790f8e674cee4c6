/**
 * A file part of a multipart request, as recorded in the call's params: name, size and type. The bytes are
 * kept out of the recorded fields (a private field, not serialised) and read with `bytes()`, so a photo the
 * bot uploads (a QR code) can be shown again by the sandbox and downloaded through getFile.
 */
export class UploadedFile {
  readonly #data: Buffer;

  constructor(
    readonly filename: string,
    readonly size: number,
    readonly contentType?: string,
    data: Buffer = Buffer.alloc(0),
  ) {
    this.#data = data;
  }

  bytes(): Buffer {
    return this.#data;
  }
}
