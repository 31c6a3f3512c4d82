import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { useTestBot } from '../support/bot';

const manifest = JSON.parse(
  readFileSync(join(__dirname, '../../manifest/teams/manifest.json'), 'utf8'),
) as { developer: { privacyUrl: string; termsOfUseUrl: string; websiteUrl: string } };

describe('the pages the app manifests link to', () => {
  const bot = useTestBot({
    LANDLORD_NAME: 'Homes <& Gardens>',
    PRIVACY_CONTACT: 'dpo@homes.example',
    RETENTION_YEARS: '7',
  });

  it('serves every page the Teams manifest links to', async () => {
    for (const link of Object.values(manifest.developer).filter((v) => v.startsWith('https://'))) {
      const path = new URL(link.replace('${{BOT_DOMAIN}}', 'bot.example')).pathname;
      const res = await fetch(`${bot().url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
  });

  it('fills the privacy notice from configuration, escaping what it is given', async () => {
    const html = await (await fetch(`${bot().url}/privacy`)).text();
    expect(html).toContain('Homes &lt;&amp; Gardens&gt;');
    expect(html).not.toContain('Homes <& Gardens>');
    expect(html).toContain('dpo@homes.example');
    expect(html).toContain('for 7 years after you leave');
    expect(html).not.toMatch(/\{\{\w+\}\}/);
  });
});

describe('a landlord’s own privacy notice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pages-'));
  const own = join(dir, 'privacy.html');
  writeFileSync(own, '<h1>Our notice</h1><p>Write to {{contact}}.</p>');
  const bot = useTestBot({ PRIVACY_NOTICE_FILE: own, PRIVACY_CONTACT: 'privacy@landlord.example' });

  it('replaces the template', async () => {
    const html = await (await fetch(`${bot().url}/privacy`)).text();
    expect(html).toContain('<h1>Our notice</h1>');
    expect(html).toContain('Write to privacy@landlord.example.');
  });
});
