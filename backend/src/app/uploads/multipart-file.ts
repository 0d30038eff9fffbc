import type { Multipart } from '@fastify/multipart';
import { BadRequestException, HttpException, PayloadTooLargeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

/** One file as it arrives: its bytes (not yet read) and the name the client gave it (UTF-8 names come through). */
export interface IncomingFile {
  stream: Readable;
  filename: string;
}

/** The text fields of the form; a name sent twice gives an array, as multer gave. */
export type FormFields = Record<string, string | string[]>;

export interface ReceiveFileOptions<T, F> {
  /** The form field that carries the file; a file in any other field is refused with 400. */
  field: string;
  /** Largest accepted file in bytes: anything larger is refused with 413 and nothing of it is kept. */
  maxBytes: number;
  /** Most text fields and most parts (fields and the file); beyond them 400, as multer answered. */
  maxFields?: number;
  maxParts?: number;
  /** Reads the file to its end (or fails); what it returns is handed back. */
  store: (file: IncomingFile) => Promise<T>;
  /** Undoes `store` when the request fails after it: the stored file must not stay behind. */
  discard?: (stored: T) => Promise<void>;
  /** Checks the text fields once all are in (they may follow the file); what it throws fails the request. */
  fields: (fields: FormFields) => F;
}

export interface ReceivedFile<T, F> {
  /** What `store` returned, or undefined when the request carried no file (or was not multipart at all). */
  file: T | undefined;
  /** What `fields` made of the text fields. */
  fields: F;
}

/** What the admin audit records of an uploaded file, kept per request (see `uploadedFileOf`). */
export interface UploadedFileInfo {
  name: string;
  size: number;
}

const uploaded = new WeakMap<object, UploadedFileInfo>();

/** Remembers the file a request carried, for the admin audit. */
export function recordUploadedFile(req: object, info: UploadedFileInfo): void {
  uploaded.set(req, info);
}

/** The file the request carried, once its handler has received it. */
export function uploadedFileOf(req: object): UploadedFileInfo | undefined {
  return uploaded.get(req);
}

/** "10 MB", "64 KB": the limit as a person reads it. */
export function sizeLabel(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'bytes'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

export function fileTooLarge(maxBytes: number): PayloadTooLargeException {
  return new PayloadTooLargeException(`The file is larger than ${sizeLabel(maxBytes)}`);
}

/**
 * Receives a multipart/form-data upload of one file with @fastify/multipart, streaming: the file goes to `store`
 * as it arrives, the text fields are collected wherever they stand in the form. A request that is not multipart
 * carries no file (the caller answers 400, as for a form without one). Over `maxBytes` → 413; too many parts,
 * fields or files, a file in another field, malformed multipart → 400. On any failure after `store` succeeded,
 * `discard` removes what it stored; the rest of the request is drained, so that the connection stays usable.
 */
export async function receiveFile<T, F>(req: FastifyRequest, options: ReceiveFileOptions<T, F>): Promise<ReceivedFile<T, F>> {
  const fields: FormFields = {};
  if (!req.isMultipart()) return { file: undefined, fields: options.fields(fields) };
  const { field, maxBytes } = options;
  let stored: { value: T } | undefined;
  let current: Readable | undefined;
  try {
    const parts = req.parts({
      limits: { fileSize: maxBytes, files: 1, fields: options.maxFields ?? Infinity, parts: options.maxParts ?? 1000 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        addField(fields, part);
        continue;
      }
      current = part.file;
      if (part.fieldname !== field) throw new BadRequestException(`Unexpected file field - ${part.fieldname}`);
      // busboy stops a file at fileSize bytes and says so: `store` then fails, before keeping anything
      const file = part.file;
      if (file.truncated) throw fileTooLarge(maxBytes);
      file.once('limit', () => file.destroy(fileTooLarge(maxBytes)));
      stored = { value: await options.store({ stream: file, filename: part.filename }) };
      if (file.truncated) throw fileTooLarge(maxBytes);
      recordUploadedFile(req, { name: part.filename, size: file.bytesRead });
      current = undefined;
    }
    return { file: stored?.value, fields: options.fields(fields) };
  } catch (err) {
    uploaded.delete(req);
    current?.resume();
    req.raw.resume();
    if (stored) await options.discard?.(stored.value).catch(() => undefined);
    throw httpError(err, maxBytes);
  }
}

function addField(fields: FormFields, part: Extract<Multipart, { type: 'field' }>) {
  if (part.valueTruncated) throw new BadRequestException(`Field value too long - ${part.fieldname}`);
  const value = String(part.value);
  const before = fields[part.fieldname];
  fields[part.fieldname] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
}

const LIMITS: Record<string, string> = {
  FST_PARTS_LIMIT: 'Too many parts',
  FST_FILES_LIMIT: 'Too many files',
  FST_FIELDS_LIMIT: 'Too many fields',
};
const BAD_MULTIPART = new Set(['FST_PROTO_VIOLATION', 'FST_INVALID_JSON_FIELD_ERROR', 'FST_MP_PREMATURE_CLOSE']);
/** busboy's own errors: a malformed or cut-off body (they carry no code). */
const BUSBOY_ERROR = /^(Multipart: Boundary not found|Unexpected end of multipart data|.* terminated early due to unexpected end of multipart data)$/;

/** @fastify/multipart's and busboy's errors as the answers multer gave (as Nest mapped them); others unchanged. */
function httpError(err: unknown, maxBytes: number): unknown {
  if (err instanceof HttpException || !(err instanceof Error)) return err;
  const code = (err as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge(maxBytes);
  if (typeof code === 'string' && LIMITS[code]) return new BadRequestException(LIMITS[code]);
  if (typeof code === 'string' && BAD_MULTIPART.has(code)) return new BadRequestException(err.message);
  if (code === undefined && BUSBOY_ERROR.test(err.message)) {
    return new BadRequestException(err.message.startsWith('Multipart:') ? err.message : `Multipart: ${err.message}`);
  }
  return err;
}
