import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The project's root, from src/store/server or dist/store/server alike. */
const projectRoot = resolve(__dirname, '../../..');

/** Where `npm start` and `npm test` build FerretDB when nobody has put one on PATH. */
export function defaultFerretDbInstallDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.FERRETDB_INSTALL_DIR || join(projectRoot, '.tools', 'ferretdb');
}

export interface InstallOptions {
  installDir: string;
  /** One line per step, for the person waiting. */
  onProgress: (line: string) => void;
  /** How often to say the build is still running; the first build takes a minute or more. */
  heartbeatMs?: number;
  /** Environment for the build (PATH decides which Go is used). */
  env?: NodeJS.ProcessEnv;
}

export class FerretDbInstallError extends Error {
  constructor(
    message: string,
    /** True when Go is missing, so nothing could have been built. */
    public readonly goMissing: boolean,
  ) {
    super(message);
    this.name = 'FerretDbInstallError';
  }
}

/**
 * Runs scripts/install-ferretdb (the one builder, shared with the container image): it reuses a
 * working binary, else builds one and renames it into place only once it runs. Returns the path.
 */
export function installFerretDb(options: InstallOptions): Promise<string> {
  const script = join(projectRoot, 'scripts', 'install-ferretdb');
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', [script], {
      env: { ...(options.env ?? process.env), FERRETDB_INSTALL_DIR: options.installDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) options.onProgress(line);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const heartbeat = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      options.onProgress(`install-ferretdb: still building (${seconds} s so far)`);
    }, options.heartbeatMs ?? 20000);
    heartbeat.unref();
    child.once('error', (error) => {
      clearInterval(heartbeat);
      reject(new FerretDbInstallError(`could not run ${script}: ${error.message}`, false));
    });
    child.once('exit', (code) => {
      clearInterval(heartbeat);
      if (code === 0) return resolvePromise(join(options.installDir, 'ferretdb'));
      const tail = stderr.trim().split('\n').slice(-12).join('\n');
      reject(
        new FerretDbInstallError(
          code === 3 ? tail : `building FerretDB failed (exit ${code}):\n${tail}`,
          code === 3,
        ),
      );
    });
  });
}
