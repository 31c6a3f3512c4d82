/**
 * Proves as much of infra/Dockerfile as can be proven without a Docker engine (the machines here
 * have the client only). It reads the Dockerfile itself, so the image and this check cannot drift:
 *
 *  1. policy: the runtime stage is on Node 24, runs as a numeric non-root user, stops on SIGTERM
 *     and has a HEALTHCHECK on /readyz;
 *  2. every build stage (all but the last) is replayed in a scratch directory: its COPY lines
 *     from the build context and from earlier stages, its ENV, and each RUN line with `sh -c` in
 *     the stage's WORKDIR, with the node given in CHECK_NODE_BIN first on PATH (Node 24);
 *  3. the runtime stage's files are assembled from those results, and the bot is started from
 *     them as the image would start it: its CMD, its ENV, uid 1000, the root filesystem mounted
 *     read-only (a private mount namespace) with only DATA_DIR writable, no MONGODB_URI so the
 *     FerretDB copied in is used; its HEALTHCHECK command must pass, then SIGTERM must stop it
 *     with exit code 0.
 *
 * What it cannot prove: that the base images exist and behave like this machine, the layer
 * cache, and the runtime stage's own RUN lines (they change the image's filesystem; listed).
 *
 * Usage: tsx scripts/check-container.ts [Dockerfile]   (env: CHECK_NODE_BIN, CHECK_KEEP=1)
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  chownSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, resolve } from 'node:path';

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

interface Stage {
  name: string;
  image: string;
  instructions: Instruction[];
}

const repo = resolve(__dirname, '..');
const dockerfilePath = resolve(repo, process.argv[2] ?? 'infra/Dockerfile');
const say = (message: string) => console.log(`check-container: ${message}`);

function fail(message: string): never {
  console.error(`check-container: FAILED: ${message}`);
  process.exit(1);
}

/** Joins continuation lines and drops comments and parser directives, keeping line numbers. */
function parseDockerfile(text: string): { args: Map<string, string>; stages: Stage[] } {
  const instructions: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] ?? '';
    if (/^\s*(#|$)/.test(first)) continue;
    let joined = first;
    const start = i + 1;
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
      i++;
      const next = lines[i] ?? '';
      if (/^\s*#/.test(next)) continue;
      joined = joined.replace(/\\\s*$/, ' ') + next.trim();
    }
    const match = /^\s*(\w+)\s+([\s\S]*)$/.exec(joined);
    if (!match) fail(`${dockerfilePath}:${start}: cannot read "${joined}"`);
    instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: start });
  }
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(/\s+/);
      stages.push({
        name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length),
        image: substitute(image ?? '', args),
        instructions: [],
      });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') fail(`${instruction.keyword} before the first FROM`);
      const [key, value] = instruction.args.split('=');
      args.set(key!, value ?? '');
    } else {
      stages[stages.length - 1]!.instructions.push(instruction);
    }
  }
  return { args, stages };
}

function substitute(text: string, vars: Map<string, string>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string, b: string) => vars.get(a ?? b) ?? '');
}

/** KEY=value pairs, values optionally quoted. */
function parseEnv(args: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const re = /(\w+)=("([^"]*)"|'([^']*)'|(\S*))/g;
  for (const m of args.matchAll(re)) pairs.push([m[1]!, m[3] ?? m[4] ?? m[5] ?? '']);
  if (pairs.length === 0) fail(`ENV ${args}: only the KEY=value form is supported here`);
  return pairs;
}

function parseCopy(args: string): { from?: string; sources: string[]; dest: string } {
  const words = args.split(/\s+/);
  let from: string | undefined;
  while (words[0]?.startsWith('--')) {
    const flag = words.shift()!;
    if (flag.startsWith('--from=')) from = flag.slice('--from='.length);
    else if (!/^--(chown|chmod|link)/.test(flag)) fail(`COPY ${flag} is not supported here`);
  }
  const dest = words.pop();
  if (!dest || words.length === 0) fail(`COPY ${args}: needs a source and a destination`);
  return { ...(from ? { from } : {}), sources: words, dest };
}

function execArgs(args: string): string[] {
  const parsed = JSON.parse(args) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string'))
    fail(`expected the exec form ["…"], got ${args}`);
  return parsed as string[];
}

/** A stage's filesystem is a directory; absolute image paths live under it. */
function inStage(root: string, workdir: string, path: string): string {
  return join(root, posix.resolve(workdir, path));
}

/** Docker's rules: a directory's contents go into the destination; a file goes to the
 * destination path, or into it when it ends with a slash or there are several sources. */
function copyInto(source: string, dest: string, destIsDir: boolean): void {
  if (!existsSync(source)) fail(`COPY source ${source} does not exist`);
  if (statSync(source).isDirectory()) {
    cpSync(source, dest, { recursive: true });
    return;
  }
  const target = destIsDir ? join(dest, basename(source)) : dest;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  chmodSync(target, statSync(source).mode);
}

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function main(): Promise<void> {
  const { stages } = parseDockerfile(readFileSync(dockerfilePath, 'utf8'));
  const runtime = stages[stages.length - 1];
  if (!runtime || stages.length < 2) fail('expected a multi-stage Dockerfile');
  const nodeBin = process.env.CHECK_NODE_BIN ?? process.execPath;
  const nodeVersion = execFileSync(nodeBin, ['--version'], { encoding: 'utf8' }).trim();
  say(
    `${dockerfilePath.replace(`${repo}/`, '')}: stages ${stages.map((s) => `${s.name} (${s.image})`).join(', ')}`,
  );

  // 1. Policy of the runtime stage.
  const find = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword);
  if (!/^node:24[.-]/.test(runtime.image)) fail(`runtime stage is ${runtime.image}, not node:24`);
  const user = find('USER').pop()?.args ?? '';
  if (!/^[1-9]\d*(:\d+)?$/.test(user))
    fail(`runtime USER "${user}" must be a numeric non-root uid`);
  if (find('STOPSIGNAL').pop()?.args !== 'SIGTERM') fail('runtime STOPSIGNAL must be SIGTERM');
  const healthcheck = find('HEALTHCHECK').pop()?.args ?? '';
  const healthCmd = /\bCMD\s+(\[.*\])\s*$/.exec(healthcheck)?.[1];
  if (!healthCmd || !healthcheck.includes('/readyz'))
    fail('runtime HEALTHCHECK must probe /readyz (exec form)');
  const cmd = find('CMD').pop();
  if (!cmd) fail('runtime stage has no CMD');
  say(
    `policy: runtime on ${runtime.image}, USER ${user}, STOPSIGNAL SIGTERM, HEALTHCHECK on /readyz: ok`,
  );

  const scratch = mkdtempSync(join(tmpdir(), 'check-container-'));
  chmodSync(scratch, 0o755);
  const cleanup = () => {
    if (process.env.CHECK_KEEP === '1') say(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  };
  process.on('exit', cleanup);

  // 2. Replay the build stages.
  const roots = new Map<string, string>();
  const nodeDir = dirname(nodeBin);
  for (const stage of stages) {
    const root = join(scratch, stage.name);
    mkdirSync(root, { recursive: true });
    roots.set(stage.name, root);
    const isRuntime = stage === runtime;
    let workdir = '/';
    const env = new Map<string, string>();
    for (const instruction of stage.instructions) {
      const { keyword, args } = instruction;
      if (keyword === 'WORKDIR') {
        workdir = posix.resolve(workdir, args);
        mkdirSync(join(root, workdir), { recursive: true });
      } else if (keyword === 'ENV') {
        for (const [key, value] of parseEnv(args)) env.set(key, value);
      } else if (keyword === 'COPY') {
        const copy = parseCopy(args);
        const dest = inStage(root, workdir, copy.dest);
        const destIsDir = copy.dest.endsWith('/') || copy.sources.length > 1;
        for (const source of copy.sources) {
          const from = copy.from
            ? inStage(
                roots.get(copy.from) ?? fail(`COPY --from=${copy.from}: no such stage yet`),
                '/',
                source,
              )
            : join(repo, source);
          copyInto(from, dest, destIsDir);
        }
      } else if (keyword === 'RUN') {
        if (isRuntime) {
          say(`  not run (changes the image's own filesystem): RUN ${args}`);
          continue;
        }
        const cwd = join(root, workdir);
        say(`[${stage.name}] RUN ${args}`);
        const started = Date.now();
        const result = spawnSync('sh', ['-c', args], {
          cwd,
          stdio: 'inherit',
          env: {
            ...process.env,
            ...Object.fromEntries(env),
            PATH: `${nodeDir}:${process.env.PATH ?? ''}`,
          },
        });
        if (result.status !== 0)
          fail(`[${stage.name}] RUN ${args} exited with ${result.status ?? result.signal}`);
        say(`[${stage.name}] done in ${Math.round((Date.now() - started) / 1000)} s`);
      }
    }
    if (isRuntime) {
      // The image's node lives at /usr/local/bin/node; a copy keeps it reachable for uid 1000.
      mkdirSync(join(root, 'usr/local/bin'), { recursive: true });
      copyFileSync(nodeBin, join(root, 'usr/local/bin/node'));
      chmodSync(join(root, 'usr/local/bin/node'), 0o755);
      await smokeTest(root, workdir, env, user, healthCmd, execArgs(cmd.args), nodeVersion);
    }
  }

  const appDir = join(roots.get(runtime.name)!, '/app');
  if (
    existsSync(join(appDir, 'node_modules/jest')) ||
    existsSync(join(appDir, 'node_modules/typescript'))
  )
    fail('the runtime stage carries dev dependencies (jest or typescript in node_modules)');
  say('runtime node_modules holds production dependencies only (no jest, no typescript): ok');
}

async function smokeTest(
  root: string,
  workdir: string,
  env: Map<string, string>,
  user: string,
  healthCmd: string,
  cmd: string[],
  nodeVersion: string,
): Promise<void> {
  // Becoming uid 1000 and mounting the root read-only in a private namespace need root, as CI has.
  if (process.getuid?.() !== 0)
    fail('the runtime check must run as root (unshare, mount, setpriv)');
  const dataDir = join(root, env.get('DATA_DIR') ?? '/data');
  mkdirSync(dataDir, { recursive: true });
  const [uid, gid] = user.split(':').map(Number);
  // The image's files belong to root; only DATA_DIR belongs to the bot.
  execFileSync('chown', ['-R', '0:0', root]);
  execFileSync('chmod', ['-R', 'go-w', root]);
  chownSync(dataDir, uid!, gid ?? uid!);
  const port = await freePort();
  const bin = join(root, 'usr/local/bin');
  const childEnv: Record<string, string> = {
    ...Object.fromEntries(env),
    PATH: `${bin}:/usr/bin:/bin`,
    HOME: '/nonexistent',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  // cmd[0] is `node`: the copy in the runtime tree, first on PATH.
  const script = [
    `mount --bind "${dataDir}" "${dataDir}"`,
    'mount -o remount,bind,ro /',
    `exec setpriv --reuid=${uid} --regid=${gid ?? uid} --clear-groups "$@"`,
  ].join(' && ');
  say(
    `runtime: ${cmd.join(' ')} with ${nodeVersion}, uid ${user}, read-only root, DATA_DIR writable, no MONGODB_URI`,
  );
  const child = spawn(
    'unshare',
    ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', ...cmd],
    {
      cwd: join(root, workdir),
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const health = execArgs(healthCmd);
  const deadline = Date.now() + 90_000;
  let healthy = false;
  while (Date.now() < deadline && child.exitCode === null) {
    const probe = spawnSync(
      join(bin, health[0] === 'node' ? 'node' : health[0]!),
      health.slice(1),
      {
        env: { PATH: `${bin}:/usr/bin:/bin`, PORT: String(port) },
        timeout: 10_000,
      },
    );
    if (probe.status === 0) {
      healthy = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (!healthy) {
    child.kill('SIGKILL');
    console.error(output);
    fail('the HEALTHCHECK command never passed against the assembled runtime');
  }
  say('runtime: the HEALTHCHECK command passed (/readyz answered 200)');
  const databaseLine = output.split('\n').find((line) => line.includes('database:'));
  if (databaseLine) say(`runtime log: ${databaseLine.slice(0, 200)}`);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0) {
    console.error(output);
    fail(`after SIGTERM the bot exited with ${code}, not 0`);
  }
  say('runtime: SIGTERM stopped the bot with exit code 0');
}

main().catch((error: unknown) => fail((error as Error).stack ?? String(error)));
