/**
 * Builds the Teams app package: fills manifest/teams/manifest.json from the environment,
 * validates it against the official schema (shipped in @microsoft/app-manifest), checks the
 * icons, and zips manifest.json, color.png and outline.png into dist/teams-app.zip.
 * Run: npm run package:teams
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';

const ROOT = join(__dirname, '..');
const MANIFEST_DIR = join(ROOT, 'manifest', 'teams');
const PLACEHOLDER_APP_ID = '00000000-0000-4000-8000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PackageOptions {
  env: Record<string, string | undefined>;
  outFile?: string;
}

export function fillManifest(env: Record<string, string | undefined>): {
  manifest: unknown;
  warnings: string[];
} {
  const warnings: string[] = [];
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: env.MICROSOFT_APP_ID ?? PLACEHOLDER_APP_ID,
    BOT_DOMAIN: env.BOT_DOMAIN ?? 'scrutiny.example.org',
    DEVELOPER_NAME: env.DEVELOPER_NAME ?? 'Your landlord',
  };
  if (!env.MICROSOFT_APP_ID)
    warnings.push(
      'MICROSOFT_APP_ID is not set: the package uses a placeholder id and is for testing only.',
    );
  if (!env.BOT_DOMAIN)
    warnings.push('BOT_DOMAIN is not set: the package points at scrutiny.example.org.');
  const text = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8').replace(
    /\$\{\{(\w+)\}\}/g,
    (_, name: string) => values[name] ?? `\${{${name}}}`,
  );
  return { manifest: JSON.parse(text) as unknown, warnings };
}

export function manifestProblems(manifest: unknown): string[] {
  const schemaPath =
    require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv as never);
  const validate = ajv.compile(schema);
  const problems = validate(manifest)
    ? []
    : (validate.errors ?? []).map(
        (e) => `${e.instancePath || 'manifest'} ${e.message ?? 'is not valid'}`,
      );
  const id = (manifest as { id?: unknown }).id;
  if (typeof id !== 'string' || !GUID.test(id))
    problems.push(`id must be a GUID (the bot's Microsoft app id), not ${String(id)}`);
  const unfilled = JSON.stringify(manifest).match(/\$\{\{\w+\}\}/g);
  if (unfilled) problems.push(`placeholders left unfilled: ${[...new Set(unfilled)].join(', ')}`);
  for (const [file, size] of [
    ['color.png', 192],
    ['outline.png', 32],
  ] as const) {
    const png = readFileSync(join(MANIFEST_DIR, file));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    if (width !== size || height !== size)
      problems.push(`${file} must be ${size}x${size}, not ${width}x${height}`);
  }
  return problems;
}

export async function packageTeams(
  options: PackageOptions,
): Promise<{ outFile: string; warnings: string[] }> {
  const { manifest, warnings } = fillManifest(options.env);
  const problems = manifestProblems(manifest);
  if (problems.length > 0)
    throw new Error(`The Teams manifest is not valid:\n  - ${problems.join('\n  - ')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file('color.png', readFileSync(join(MANIFEST_DIR, 'color.png')));
  zip.file('outline.png', readFileSync(join(MANIFEST_DIR, 'outline.png')));
  const outFile = options.outFile ?? join(ROOT, 'dist', 'teams-app.zip');
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { outFile, warnings };
}

if (require.main === module) {
  packageTeams({ env: process.env })
    .then(({ outFile, warnings }) => {
      for (const warning of warnings) console.warn(`warning: ${warning}`);
      console.log(`Teams app package written to ${outFile}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
