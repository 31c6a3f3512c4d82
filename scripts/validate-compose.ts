/**
 * Validates compose files against the Compose Specification's JSON schema (vendored in
 * infra/schemas/compose-spec.json; infra/schemas/README.md says where it came from), and checks
 * what the schema cannot: every ${VAR} the file interpolates is named in infra/.env.example, so a
 * copy of the example leaves nothing unset.
 *
 * Usage: tsx scripts/validate-compose.ts [compose.yaml …]   (default: infra/compose.yaml)
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const repo = resolve(__dirname, '..');
const schemaPath = join(repo, 'infra/schemas/compose-spec.json');
const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['infra/compose.yaml'];

// The schema is draft-07, Ajv's default, but names it by an https:// URI Ajv does not know, so
// that line is dropped; strict mode would reject the schema's own annotations.
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
delete schema.$schema;
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

let failed = false;
for (const file of files) {
  const path = resolve(repo, file);
  const name = relative(repo, path);
  const text = readFileSync(path, 'utf8');
  const document = parse(text) as unknown;
  if (!validate(document)) {
    failed = true;
    for (const error of validate.errors ?? [])
      console.error(
        `validate-compose: ${name}${error.instancePath || '/'}: ${error.message ?? ''} ${JSON.stringify(error.params)}`,
      );
    continue;
  }
  const services = Object.keys((document as { services?: object }).services ?? {});
  console.log(
    `validate-compose: ${name} matches the Compose Specification schema (services: ${services.join(', ')})`,
  );

  const example = join(dirname(path), '.env.example');
  let defined: Set<string>;
  try {
    defined = new Set(
      readFileSync(example, 'utf8')
        .split('\n')
        .map((line) => /^\s*([A-Z_][A-Z0-9_]*)=/.exec(line)?.[1])
        .filter((key): key is string => key !== undefined),
    );
  } catch {
    continue;
  }
  // ${VAR}, ${VAR:-default}, ${VAR:?message}; $$ escapes a dollar and is not interpolation.
  const used = [...text.replace(/\$\$/g, '').matchAll(/\$\{([A-Z_][A-Z0-9_]*)(:?[-?][^}]*)?\}/g)];
  const missing = [
    ...new Set(
      used.filter((m) => !m[2]?.startsWith(':-') && !m[2]?.startsWith('-')).map((m) => m[1]!),
    ),
  ].filter((key) => !defined.has(key));
  if (missing.length > 0) {
    failed = true;
    console.error(
      `validate-compose: ${name} needs ${missing.join(', ')}, which ${relative(repo, example)} does not set`,
    );
  } else {
    console.log(
      `validate-compose: every required \${…} in ${name} is set in ${relative(repo, example)}`,
    );
  }
}
process.exit(failed ? 1 : 0);
