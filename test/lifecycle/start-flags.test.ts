import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The words of a command line that start Node, from `node` to `dist/main.js`. */
function nodeCommand(words: string[]): string[] {
  const start = words.findIndex((word) => word === 'node' || word.endsWith('/node'));
  const end = words.indexOf('dist/main.js');
  if (start < 0 || end < start) throw new Error(`no "node … dist/main.js" in ${words.join(' ')}`);
  return ['node', ...words.slice(start + 1, end + 1)];
}

// The bench measures the bot as `npm start` runs it; the image and the unit file must run the
// same Node with the same flags, or what was measured is not what is deployed.
describe('how the bot is started', () => {
  const npmStart = nodeCommand(
    (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start.split(/\s+/),
  );

  it('gives Node a smaller young generation, which keeps an idle bot under 150 MB', () => {
    expect(npmStart).toContain('--max-semi-space-size=4');
  });

  it('runs the image with the flags of npm start', () => {
    const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(read('infra/Dockerfile'))?.[1];
    expect(cmd).toBeDefined();
    expect(nodeCommand(JSON.parse(cmd ?? '[]') as string[])).toEqual(npmStart);
  });

  it('runs the systemd unit with the flags of npm start', () => {
    const execStart = /^ExecStart=(.*)$/m.exec(read('infra/systemd/scrutiny-bot.service'))?.[1];
    expect(execStart).toBeDefined();
    expect(nodeCommand((execStart ?? '').split(/\s+/))).toEqual(npmStart);
  });
});
