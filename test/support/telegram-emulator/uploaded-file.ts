/** A file part of a multipart request, as recorded in the call's params (the bytes are not kept). */
export class UploadedFile {
  constructor(
    readonly filename: string,
    readonly size: number,
    readonly contentType?: string,
  ) {}
}
