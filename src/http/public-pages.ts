import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root';
import type { Request, Response, Server } from 'restify';

export interface PublicPagesOptions {
  /** The landlord's name as the notice reads it. */
  landlord: string;
  /** Where people write to ask for their data or its erasure. */
  contact: string;
  /** Years personal details are kept after someone leaves, before they are pseudonymised. */
  retentionYears: number;
  /** A landlord's own privacy notice (HTML fragment); else manifest/pages/privacy.html. */
  privacyFile?: string;
  /** A landlord's own terms of use (HTML fragment); else manifest/pages/terms.html. */
  termsFile?: string;
}

function pagesDirectory(): string {
  return join(packageRoot(), 'manifest', 'pages');
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A page from its template: the landlord's own HTML is trusted (they wrote it), the values
 * from configuration are not, so only those are escaped.
 */
export function renderPage(template: string, options: PublicPagesOptions): string {
  const values: Record<string, string> = {
    landlord: options.landlord,
    contact: options.contact,
    retentionYears: String(options.retentionYears),
  };
  const body = template
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
      key in values ? escapeHtml(values[key] ?? '') : whole,
    );
  const title = /<h1>([^<]*)<\/h1>/.exec(body)?.[1] ?? escapeHtml(options.landlord);
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>',
    '</head><body>',
    body.trim(),
    '</body></html>',
  ].join('\n');
}

/**
 * The pages the Teams manifest links to (privacyUrl, termsOfUseUrl, websiteUrl) and the Slack
 * app directory asks for, served by the bot itself so the links never point at nothing. Read
 * once at start: a landlord who edits a page restarts the bot, as with any configuration.
 */
export function mountPublicPages(server: Server, options: PublicPagesOptions): void {
  const dir = pagesDirectory();
  const privacy = renderPage(
    readFileSync(options.privacyFile ?? join(dir, 'privacy.html'), 'utf8'),
    options,
  );
  const terms = renderPage(
    readFileSync(options.termsFile ?? join(dir, 'terms.html'), 'utf8'),
    options,
  );
  const home = renderPage(
    `<h1>{{landlord}} tenant scrutiny bot</h1>
<p>This service runs {{landlord}}'s tenant scrutiny in Microsoft Teams and Slack.</p>
<p><a href="/privacy">Privacy notice</a> · <a href="/terms">Terms of use</a></p>`,
    options,
  );
  const page = (html: string) => async (_req: Request, res: Response) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    res.end(html);
  };
  server.get('/', page(home));
  server.get('/privacy', page(privacy));
  server.get('/terms', page(terms));
}
