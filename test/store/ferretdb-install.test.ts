import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installFerretDb } from '../../src/store/server/ferretdb-install';
import { NoDatabaseError, resolveDatabase } from '../../src/store/server/resolve';

/*
 * The install path a newcomer's `npm start` and `npm test` take, with a stand-in `go` so each case
 * runs in a moment: it records its calls and "builds" a script that reports FerretDB's version.
 * The real build runs in CI from a clean clone (.ci/run starts the bot with no FerretDB anywhere).
 */
const fakeGo = `#!/usr/bin/env bash
echo "$*" >> "$GO_CALLS"
case "$1 $2" in
  "version "*) echo "go version go1.99 linux/amd64" ;;
  "mod vendor") mkdir -p vendor ;;
  "build "*)
    while [ $# -gt 0 ]; do [ "$1" = "-o" ] && out="$2"; shift; done
    printf '#!/usr/bin/env bash\\necho "ferretdb version: v1.24.2"\\n' > "$out"
    chmod +x "$out" ;;
esac
`;

function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'ferretdb-install-'));
  const goDir = join(dir, 'go-bin');
  const installDir = join(dir, 'install');
  const calls = join(dir, 'go-calls');
  mkdirSync(goDir);
  writeFileSync(join(goDir, 'go'), fakeGo);
  chmodSync(join(goDir, 'go'), 0o755);
  writeFileSync(calls, '');
  const env = { PATH: `${goDir}:/usr/bin:/bin`, GO_CALLS: calls, HOME: dir };
  const progress: string[] = [];
  const install = () =>
    installFerretDb({ installDir, env, onProgress: (line) => progress.push(line) });
  const goCalls = () => readFileSync(calls, 'utf8').split('\n').filter(Boolean);
  return { dir, installDir, env, progress, install, goCalls };
}

describe('building the embedded database on first use', () => {
  it('builds FerretDB into an empty directory, saying what it does and how long it takes', async () => {
    const box = sandbox();
    const binary = await box.install();
    expect(binary).toBe(join(box.installDir, 'ferretdb'));
    expect(readFileSync(binary, 'utf8')).toContain('v1.24.2');
    expect(box.goCalls()).toEqual(
      expect.arrayContaining([
        'get github.com/FerretDB/FerretDB@v1.24.2',
        expect.stringMatching(/^build -mod=vendor -trimpath -o .*\.ferretdb-partial\.\d+ /),
      ]),
    );
    expect(box.progress.join('\n')).toMatch(/about one to three minutes/);
    expect(readdirSync(box.installDir)).toEqual(['ferretdb']);
  });

  it('reuses a build that is already there without calling Go to build', async () => {
    const box = sandbox();
    await box.install();
    const before = box.goCalls().length;
    await box.install();
    expect(box.goCalls().slice(before)).toEqual([]);
    expect(box.progress.at(-1)).toMatch(/already at/);
  });

  it('builds again over a half-finished build, and clears what an interrupted one left', async () => {
    const box = sandbox();
    mkdirSync(box.installDir);
    // A binary cut short (not runnable) and a partial file from a build that was killed.
    writeFileSync(join(box.installDir, 'ferretdb'), '\x7fELF\x02\x01\x01');
    chmodSync(join(box.installDir, 'ferretdb'), 0o755);
    writeFileSync(join(box.installDir, '.ferretdb-partial.12345'), 'half');
    await box.install();
    expect(box.progress.join('\n')).toMatch(/not a working FerretDB v1\.24\.2.*building it again/);
    expect(box.goCalls().some((call) => call.startsWith('build '))).toBe(true);
    expect(readdirSync(box.installDir)).toEqual(['ferretdb']);
    expect(readFileSync(join(box.installDir, 'ferretdb'), 'utf8')).toContain('v1.24.2');
  });

  it('without Go, start-up says what to install or to set MONGODB_URI, and builds nothing', async () => {
    const box = sandbox();
    const error = await resolveDatabase({
      mongodbUri: undefined,
      dataDir: box.dir,
      pathEnv: '',
      ferretDbInstallDir: box.installDir,
      buildEnv: { PATH: '/usr/bin:/bin', HOME: box.dir },
      allowMemoryServer: false,
    }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(NoDatabaseError);
    const message = (error as NoDatabaseError).message;
    expect(message).toContain('Go is not installed');
    expect(message).toContain('install Go 1.22 or newer');
    expect(message).toContain('set MONGODB_URI');
    expect(existsSync(join(box.installDir, 'ferretdb'))).toBe(false);
  });
});
