import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { COMMANDS } from '../../src/commands';
import { fillManifest, manifestProblems, packageTeams } from '../../scripts/package-teams';

const ENV = {
  MICROSOFT_APP_ID: '3f1c9a52-7d4e-4b8a-9c61-2e5d8f0a7b34',
  BOT_DOMAIN: 'scrutiny.landlord.example',
};

type Manifest = {
  manifestVersion: string;
  bots: Array<{
    scopes: string[];
    commandLists: Array<{
      scopes: string[];
      commands: Array<{ title: string; description: string }>;
    }>;
  }>;
};

describe('the Teams app manifest', () => {
  it('filled with an app id, validates against the official 1.30 schema from @microsoft/app-manifest, icons included', () => {
    const { manifest, warnings } = fillManifest(ENV);
    expect(warnings).toEqual([]);
    expect(manifestProblems(manifest)).toEqual([]);
    expect((manifest as Manifest).manifestVersion).toBe('1.30');
  });

  it('the schema check is real: a bad accent colour and a missing name are reported', () => {
    const { manifest } = fillManifest(ENV);
    const broken = {
      ...(manifest as Record<string, unknown>),
      accentColor: 'green',
      name: undefined,
    };
    const problems = manifestProblems(JSON.parse(JSON.stringify(broken)));
    expect(problems.join('\n')).toMatch(/accentColor/);
    expect(problems.join('\n')).toMatch(/name/);
  });

  it('the bot works in personal chats, group chats and teams, and every listed command is one the bot knows', () => {
    const bot = (fillManifest(ENV).manifest as Manifest).bots[0]!;
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const known = new Set(COMMANDS.map((c) => c.name));
    const listed = bot.commandLists.flatMap((list) => list.commands.map((c) => c.title));
    for (const title of listed) expect(known).toContain(title);
    for (const list of bot.commandLists) expect(list.commands.length).toBeLessThanOrEqual(10);
  });

  it('each listed command says what its definition says for menus', () => {
    const bot = (fillManifest(ENV).manifest as Manifest).bots[0]!;
    for (const listed of bot.commandLists.flatMap((list) => list.commands)) {
      const definition = COMMANDS.find((c) => c.name === listed.title);
      expect(definition?.menu).toBe(listed.description);
    }
  });

  it('npm run package:teams writes a zip holding exactly manifest.json, color.png and outline.png', async () => {
    const outFile = join(mkdtempSync(join(tmpdir(), 'teams-pkg-')), 'app.zip');
    await packageTeams({ env: ENV, outFile });
    const zip = await JSZip.loadAsync(readFileSync(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { id: string };
    expect(manifest.id).toBe(ENV.MICROSOFT_APP_ID);
  });

  it('icons: color 192x192, outline 32x32 with a transparent background', () => {
    const outline = readFileSync(join(__dirname, '../../manifest/teams/outline.png'));
    expect([outline.readUInt32BE(16), outline.readUInt32BE(20)]).toEqual([32, 32]);
    expect(outline[25]).toBe(6); // colour type 6: RGBA, so the background can be transparent
  });
});
