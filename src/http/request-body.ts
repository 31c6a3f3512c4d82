import restify, { type Request, type RequestHandler } from 'restify';
import errors from 'restify-errors';

/** Largest body either platform sends us; Teams activities with cards stay well below it. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the raw body (needed as bytes for Slack's signature) and refuses oversized ones with 413. */
export function readRawBody(maxBodySize = MAX_BODY_BYTES): RequestHandler {
  return restify.plugins.bodyReader({ maxBodySize });
}

export function rawBodyText(req: Request): string {
  const body: unknown = req.body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return typeof body === 'string' ? body : '';
}

/** The body as parsed JSON, or a 415/400 error with a short reason. */
export function parseJsonBody(req: Request): unknown {
  if (!req.is('json')) {
    throw new errors.UnsupportedMediaTypeError('expected Content-Type: application/json');
  }
  const text = rawBodyText(req);
  if (text.trim() === '') throw new errors.BadRequestError('empty body');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new errors.BadRequestError('body is not valid JSON');
  }
}
