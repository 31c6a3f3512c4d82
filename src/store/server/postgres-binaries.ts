import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** PostgreSQL's server programs, all from one directory so their versions agree. */
export interface PostgresBinaries {
  binDir: string;
  initdb: string;
  postgres: string;
  /** Used to wait for start-up when present; the postmaster.pid status line serves otherwise. */
  pgIsReady: string | null;
  /** Major version, e.g. "15". */
  version: string;
  /** How the directory was found, for the start-up log line. */
  foundBy: 'PG_BIN' | 'pg_config' | 'PATH' | '/usr/lib/postgresql';
}

export type FindPostgresResult =
  { ok: true; binaries: PostgresBinaries } | { ok: false; reason: string };

export interface FindPostgresOptions {
  /** PG_BIN: a directory holding initdb and postgres. */
  pgBin?: string | undefined;
  pathEnv?: string;
  /** Debian's versioned install root; tests point it elsewhere. */
  debianRoot?: string;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function serverIn(dir: string, foundBy: PostgresBinaries['foundBy']): PostgresBinaries | null {
  const initdb = join(dir, 'initdb');
  const postgres = join(dir, 'postgres');
  if (!isExecutable(initdb) || !isExecutable(postgres)) return null;
  let version: string;
  try {
    const out = execFileSync(postgres, ['--version'], { encoding: 'utf8', timeout: 10000 });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(out);
    if (!match?.[1]) return null;
    version = match[1];
  } catch {
    return null;
  }
  const pgIsReady = join(dir, 'pg_isready');
  return {
    binDir: dir,
    initdb,
    postgres,
    pgIsReady: isExecutable(pgIsReady) ? pgIsReady : null,
    version,
    foundBy,
  };
}

function pgConfigBinDir(pathEnv: string): string | null {
  for (const dir of pathEnv.split(delimiter).filter(Boolean)) {
    const pgConfig = join(dir, 'pg_config');
    if (!isExecutable(pgConfig)) continue;
    try {
      return execFileSync(pgConfig, ['--bindir'], { encoding: 'utf8', timeout: 10000 }).trim();
    } catch {
      return null;
    }
  }
  return null;
}

function highestDebianBinDir(root: string): string | null {
  let versions: number[];
  try {
    versions = readdirSync(root)
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .sort((a, b) => b - a);
  } catch {
    return null;
  }
  for (const version of versions) {
    const dir = join(root, String(version), 'bin');
    if (isExecutable(join(dir, 'postgres'))) return dir;
  }
  return null;
}

/**
 * PG_BIN, else `pg_config --bindir`, else Debian's /usr/lib/postgresql/<highest>/bin, else PATH.
 * Debian keeps the server programs off PATH (only client wrappers are linked there), hence the
 * middle two.
 */
export function findPostgresBinaries(options: FindPostgresOptions = {}): FindPostgresResult {
  const pathEnv = options.pathEnv ?? process.env.PATH ?? '';
  if (options.pgBin) {
    const found = serverIn(options.pgBin, 'PG_BIN');
    return found
      ? { ok: true, binaries: found }
      : { ok: false, reason: `PG_BIN=${options.pgBin} holds no working initdb and postgres` };
  }
  const fromPgConfig = pgConfigBinDir(pathEnv);
  const candidates: Array<[string | null, PostgresBinaries['foundBy']]> = [
    [fromPgConfig, 'pg_config'],
    [highestDebianBinDir(options.debianRoot ?? '/usr/lib/postgresql'), '/usr/lib/postgresql'],
    ...pathEnv
      .split(delimiter)
      .filter(Boolean)
      .map((dir): [string, PostgresBinaries['foundBy']] => [dir, 'PATH']),
  ];
  for (const [dir, foundBy] of candidates) {
    const found = dir ? serverIn(dir, foundBy) : null;
    if (found) return { ok: true, binaries: found };
  }
  return { ok: false, reason: 'no PostgreSQL server binaries found (set PG_BIN)' };
}
