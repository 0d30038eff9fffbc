import { StreamableFile } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Readable } from 'node:stream';

/**
 * The HTTP adapter of the API: Nest's Express adapter, except how a handler's (or an exception's) JSON answer is
 * written. Express's `res.json` turns the text into a Buffer, hashes it for an ETag (SHA-1) and parses its own
 * Content-Type again, and the header and the body then leave in two pieces (`writev`); here the text is written
 * with its headers in one `end`: a bare Express route answers in 92 µs instead of 121 on this machine
 * (scripts/bench/http-stacks.mjs, docs/benchmarks.md).
 *
 * There is no ETag, hence no 304: the API's answers carry `Cache-Control: no-store` instead (unless the route set
 * its own), as answers with personal data (phone numbers, internal comments, whose proposal is whose) should, so
 * that neither the browser's disk cache nor a shared proxy keeps them. The frontend's files keep their own caching
 * (create-app.ts).
 *
 * Anything else (no body, a file or stream, an Error, a Content-Type set by the handler, a 204 or 304) goes to
 * Nest's own `reply`.
 */
export class JsonReplyAdapter extends ExpressAdapter {
  override reply(response: Response, body: unknown, statusCode?: number) {
    if (!isJsonBody(body) || response.hasHeader('Content-Type')) return super.reply(response, body, statusCode);
    const status = statusCode ?? response.statusCode;
    if (status === 204 || status === 304) return super.reply(response, body, statusCode);
    const json = JSON.stringify(body);
    response.statusCode = status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(json));
    // a route that chose its own caching keeps it
    if (!response.hasHeader('Cache-Control')) response.setHeader('Cache-Control', 'no-store');
    // a HEAD request gets the headers only (Node leaves the body out)
    response.end(json);
  }
}

/** A value `res.json` would write as JSON: an object or array, not an Error, a file, a stream or bytes. */
function isJsonBody(body: unknown): body is object {
  return (
    typeof body === 'object' &&
    body !== null &&
    !(body instanceof StreamableFile) &&
    !(body instanceof Error) &&
    !(body instanceof Readable) &&
    !Buffer.isBuffer(body) &&
    !ArrayBuffer.isView(body)
  );
}
