/**
 * Reads a request's body and parses it when it is JSON: what restify's
 * bodyParser did for this server, which only takes JSON activities. restify
 * 11's body reader starts every request with `new Buffer(0)`, the deprecated
 * constructor (DEP0005); Node then captures a stack trace on each call to see
 * whether the call comes from node_modules (for the first 10 000 calls), 1 to
 * 2% of a turn's time. Request bodies here are read with Buffer.concat only.
 *
 * Answers as restify did: 413 for a body over the limit (read to its end,
 * so the connection stays usable), 400 for JSON that does not parse, 415 for
 * an encoding other than gzip. Any other content type leaves the body as
 * text, for the endpoint's own check to refuse.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzip } from 'node:zlib';

export const BODY_TOO_LARGE = { error: 'Request body too large' };
export const NOT_JSON = { error: 'Bad request: the body is not valid JSON' };

type Next = (err?: false) => void;
interface Request extends IncomingMessage {
  body?: unknown;
}
interface Response extends ServerResponse {
  send(status: number, body: unknown): void;
}

const JSON_TYPE = /^application\/([\w!#$%&*.^`~-]+\+)?json$/i;

export function readBody(maxBytes: number) {
  return (req: Request, res: Response, next: Next): void => {
    const length = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if ((length === undefined || length === '0') && !chunked) return next();
    const encoding = req.headers['content-encoding'];
    const gzipped = encoding === 'gzip';
    if (encoding !== undefined && encoding !== 'identity' && !gzipped) {
      res.setHeader('Accept-Encoding', 'gzip');
      req.resume();
      res.send(415, { error: 'Bad request: content encoding not supported' });
      return next(false);
    }
    const json = JSON_TYPE.test((req.headers['content-type'] ?? '').split(';')[0]!.trim());
    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const answer = (status: number, body: unknown) => {
      res.send(status, body);
      next(false);
    };
    const use = (text: string) => {
      if (!json || text === '') {
        req.body = text;
        return next();
      }
      try {
        req.body = JSON.parse(text) as unknown;
      } catch {
        return answer(400, NOT_JSON);
      }
      next();
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      // Over the limit the rest is read and dropped, so the 413 reaches a client still sending.
      if (received <= maxBytes) chunks.push(chunk);
    });
    req.once('end', () => {
      if (finished) return;
      finished = true;
      if (received > maxBytes) return answer(413, BODY_TOO_LARGE);
      const raw = Buffer.concat(chunks);
      if (!gzipped) return use(raw.toString('utf8'));
      gunzip(raw, { maxOutputLength: maxBytes }, (err, plain) => {
        if (!err) return use(plain.toString('utf8'));
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          return answer(413, BODY_TOO_LARGE);
        answer(400, { error: 'Bad request: the body is not valid gzip' });
      });
    });
    // A client that goes away mid-body: nothing to answer, and nothing is kept.
    req.once('aborted', () => (finished = true));
    req.once('error', () => (finished = true));
  };
}
