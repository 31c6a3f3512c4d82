import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import type { PrepareOptions } from '../model-registry';

/** The fields of one collection that queries look up by equality. */
export interface EqualityFields {
  collection: string;
  fields: string[];
}

/**
 * FerretDB v1 on PostgreSQL keeps each collection in a table of one `_jsonb` column and turns
 * an equality filter into `_jsonb -> 'field' @> value`. The btree indexes it builds for
 * `createIndex` cannot serve `@>`, so without more every lookup, even by `_id`, reads the whole
 * table. A GIN index on the same expression serves it: measured here, a lookup by `_id` among
 * 50,000 records went from 35 ms to 2 ms.
 *
 * These indexes are PostgreSQL's own, beside FerretDB's: FerretDB neither lists nor needs them,
 * and dropping a collection drops them with its table. Creating one that exists does nothing.
 * Returns how many indexes it created; collections not yet created are skipped.
 */
export async function indexEqualities(
  postgresqlUrl: string,
  database: string,
  wanted: readonly EqualityFields[],
): Promise<number> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: postgresqlUrl });
  await client.connect();
  try {
    const tables = await tablesOf(client, database);
    const existing = new Set(
      (
        await client.query<{ name: string }>(
          'SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1',
          [database],
        )
      ).rows.map((r) => r.name),
    );
    const statements: string[] = [];
    for (const { collection, fields } of wanted) {
      const table = tables.get(collection);
      if (!table) continue;
      // FerretDB v1 hands PostgreSQL no filter on a dotted path, so no index could serve one.
      for (const field of new Set(fields.filter((f) => !f.includes('.')))) {
        const name = indexName(table, field);
        if (existing.has(name)) continue;
        statements.push(
          `CREATE INDEX IF NOT EXISTS ${client.escapeIdentifier(name)} ON ${client.escapeIdentifier(database)}.${client.escapeIdentifier(table)} USING gin (${expressionFor(client, field)})`,
        );
      }
    }
    // One at a time, and only those missing: a statement holds its table's lock until it ends,
    // and one script would hold every table's at once while the others serve requests.
    for (const statement of statements)
      await client.query(statement).catch((error: unknown) => {
        // Two instances starting together can both try to create the same index.
        if (!isCreatedMeanwhile(error)) throw error;
      });
    return statements.length;
  } finally {
    await client.end();
  }
}

/**
 * prepareModels' options for a FerretDB v1 whose PostgreSQL is at `postgresqlUrl` (none: no
 * indexes to add). Where `onError` is given, a failure goes to it instead of stopping the caller.
 */
export function equalityIndexing(
  postgresqlUrl: string | undefined,
  onError?: (error: Error) => void,
): PrepareOptions {
  if (!postgresqlUrl) return {};
  return {
    indexEqualities: async (database, wanted) => {
      try {
        await indexEqualities(postgresqlUrl, database, wanted);
      } catch (error) {
        if (!onError) throw error;
        onError(error as Error);
      }
    },
  };
}

/** FerretDB's own map from collection names to table names, in the database's schema. */
async function tablesOf(client: Client, database: string): Promise<Map<string, string>> {
  const exists = await client.query<{ found: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AS found`,
    [`${client.escapeIdentifier(database)}._ferretdb_database_metadata`],
  );
  if (!exists.rows[0]?.found) return new Map();
  const rows = await client.query<{ collection: string; table: string }>(
    `SELECT _jsonb->>'_id' AS collection, _jsonb->>'table' AS table FROM ${client.escapeIdentifier(database)}._ferretdb_database_metadata`,
  );
  return new Map(rows.rows.map((r) => [r.collection, r.table]));
}

/** The expression exactly as FerretDB writes it for a top-level field. */
function expressionFor(client: Client, field: string): string {
  return `(_jsonb -> ${client.escapeLiteral(field)})`;
}

/** PostgreSQL names are at most 63 bytes; the hash keeps two fields of one table apart. */
function indexName(table: string, field: string): string {
  const hash = createHash('sha1').update(`${table}\0${field}`).digest('hex').slice(0, 10);
  return `${table.slice(0, 40)}_eq_${hash}`;
}

function isCreatedMeanwhile(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === '42P07';
}
