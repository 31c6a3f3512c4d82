/**
 * Renders every Teams card from its sample data with the adaptivecards HTML renderer and
 * screenshots it in headless Chromium, so people can look at what members and staff will see.
 * Writes preview/<card>.html and preview/<card>.png. Run: npm run cards:preview
 * Needs Chromium (Debian: apt-get install chromium; or set CHROMIUM=/path/to/chrome).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_NAMES, loadTemplate } from '../src/cards/templates';
import { renderTeamsCard } from '../src/cards/render-teams';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'preview');

function page(name: string, card: unknown): string {
  const bundle = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf8');
  const css = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title>
<style>${css}
body{font-family:"Segoe UI",system-ui,sans-serif;background:#f5f5f5;margin:0;padding:16px}
#card{width:420px;background:#fff;border-radius:4px;box-shadow:0 1px 3px rgba(0,0,0,.2);padding:4px}
h1{font-size:13px;color:#666;font-weight:normal;margin:0 0 8px}</style>
<script>${bundle}</script></head><body><h1>${name}</h1><div id="card"></div>
<script>
const card = new AdaptiveCards.AdaptiveCard();
card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: 'Segoe UI, system-ui, sans-serif' });
card.parse(${JSON.stringify(card)});
document.getElementById('card').appendChild(card.render());
</script></body></html>`;
}

function chromium(): string {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const candidate of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      execFileSync('which', [candidate], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next name
    }
  }
  throw new Error(
    'Chromium was not found: install it (Debian: apt-get install chromium) or set CHROMIUM.',
  );
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const browser = chromium();
  for (const name of CARD_NAMES) {
    const html = join(OUT, `${name}.html`);
    writeFileSync(html, page(name, renderTeamsCard(name, loadTemplate(name, 'sample')).content));
    execFileSync(
      browser,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        `--screenshot=${join(OUT, `${name}.png`)}`,
        '--window-size=460,900',
        `file://${html}`,
      ],
      { stdio: 'ignore' },
    );
    console.log(`preview/${name}.png`);
  }
}

main();
