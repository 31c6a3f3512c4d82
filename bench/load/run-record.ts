import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';

/** The commit measured, marked where the source had changes on top of it. */
function commitOf(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'src'], {
      encoding: 'utf8',
    });
    return changed.trim() ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

/**
 * Appends one run's figures to a history file, a JSON line each, with the commit it measured:
 * the README shows the latest, and the file keeps every run and the database it ran on.
 */
export function recordRun(file: string, report: { database: string } & object): void {
  appendFileSync(file, `${JSON.stringify({ ...report, commit: commitOf() })}\n`);
}
