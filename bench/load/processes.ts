import { spawn, type ChildProcess } from 'node:child_process';
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
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
