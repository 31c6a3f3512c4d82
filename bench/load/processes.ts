import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeLoopbackPort } from '../../src/store/server/probe';

/** A server process the benchmark started, with its URL and memory as Linux reports it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resident memory now, in MB (VmRSS). */
  rssMb(): number | undefined;
  /** The most this process has been resident since it started, in MB (VmHWM). */
  peakRssMb(): number | undefined;
  /** CPU time (user and system) this process has used since it started, in ms. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

/** Starts `args` under this Node with `env`, and waits until `readyPath` answers 200. */
export async function startServer(
  name: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
): Promise<ServerProcess> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', TEAMS_MODE: 'emulator' },
    // SERVER_LOG_DIR keeps each process's log for a failure to be read afterwards.
    stdio: [
      'ignore',
      process.env.SERVER_LOG_DIR
        ? openSync(join(process.env.SERVER_LOG_DIR, `${name.replace(/\W+/g, '-')}.log`), 'a')
        : 'ignore',
      'pipe',
    ],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited at start-up:\n${stderr}`);
    const ready = await fetch(`${url}${readyPath}`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${name} was not ready within a minute:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const status = (field: 'VmRSS' | 'VmHWM') => {
    try {
      const line = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith(`${field}:`));
      return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    url,
    child,
    rssMb: () => status('VmRSS'),
    peakRssMb: () => status('VmHWM'),
    cpuMs: () => cpuMsOf(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Clock ticks per second, in which /proc reports CPU time. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, after the command's parentheses). */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
