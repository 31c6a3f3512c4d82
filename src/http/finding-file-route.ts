import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { FileLinks } from '../app/findings/file-links';
import { openFindingFile } from '../app/findings/finding-files';
import type { AppContext } from '../app/shared/context';

const linkQuery = z.object({
  p: z.string().max(64).optional(),
  exp: z.string().max(20).optional(),
  sig: z.string().max(128).optional(),
});

/**
 * GET /files/:id?p=&exp=&sig=: a findings file, for the person its signed link was made for,
 * while the link lasts and while they may still see those findings. Nothing about the file is
 * said to anyone else: a bad or expired link is 403 before the file is looked up.
 */
export function mountFindingFiles(server: Server, ctx: AppContext, links: FileLinks): void {
  server.get('/files/:id', async (req: Request, res: Response) => {
    const id = String((req.params as Record<string, unknown>).id ?? '');
    const query = linkQuery.safeParse(
      Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams),
    );
    const checked = query.success
      ? links.check(id, query.data, ctx.now())
      : ({ ok: false, reason: 'bad-signature' } as const);
    const plain = (status: number, text: string) => {
      res.writeHead(status, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(text);
    };
    if (!checked.ok) {
      plain(403, checked.reason === 'expired' ? 'This link has expired.' : 'Not allowed.');
      return;
    }
    const opened = await openFindingFile(ctx, id, checked.personId);
    if (opened.kind === 'unknown') return plain(404, 'No such file.');
    if (opened.kind === 'forbidden') return plain(403, 'Not allowed.');
    const { record, bytes } = opened;
    const image = record.contentType.startsWith('image/');
    res.writeHead(200, {
      'content-type': record.contentType,
      'content-length': String(record.size),
      'content-disposition': `${image ? 'inline' : 'attachment'}; filename="${asciiName(record.name)}"; filename*=UTF-8''${encodeURIComponent(record.name)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      // A file opened in the browser runs nothing and loads nothing.
      'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
    });
    bytes.once('error', () => res.destroy());
    bytes.pipe(res);
  });
}

/** The name for clients that ignore filename*: ASCII only, no quotes or backslashes. */
function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7E]|["\\]/g, '_');
}
