import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Channel tests reach every step the way a person does, over HTTP. A write to the database or
 * a direct use-case call here once hid that a step had no command (training could not be
 * recorded, so no check could ever be assigned). Reading the database to check an outcome is fine.
 */
const WRITES =
  /\.(updateOne|updateMany|insertOne|insertMany|create|findOneAndUpdate|findByIdAndUpdate|findOneAndReplace|replaceOne|deleteOne|deleteMany|bulkWrite|save)\(/;
const USE_CASES = /from '(\.\.\/)+src\/app\//;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('channel tests', () => {
  const files = testFiles(__dirname).filter((file) => file !== __filename);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(__dirname, file), file]))(
    '%s neither writes to the database nor calls a use case directly',
    (_name, file) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      const offending = lines
        .map((line, i) => ({ line: line.trim(), at: i + 1 }))
        .filter(({ line }) => WRITES.test(line) || USE_CASES.test(line));
      expect(offending).toEqual([]);
    },
  );
});
