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
 * Returns how many statements ran; collections not yet created are skipped.
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
    const statements: string[] = [];
    for (const { collection, fields } of wanted) {
      const table = tables.get(collection);
      if (!table) continue;
      // FerretDB v1 hands PostgreSQL no filter on a dotted path, so no index could serve one.
      for (const field of new Set(fields.filter((f) => !f.includes('.'))))
        statements.push(
          `CREATE INDEX IF NOT EXISTS ${client.escapeIdentifier(indexName(table, field))} ON ${client.escapeIdentifier(database)}.${client.escapeIdentifier(table)} USING gin (${expressionFor(client, field)})`,
        );
    }
    // One round trip: a test file or a start-up asks for dozens of them.
    const script = statements.join(';\n');
    if (statements.length > 0)
      await client.query(script).catch(async (error: unknown) => {
        // Two instances starting together: IF NOT EXISTS does not stop both creating the same
        // index, and the loser's whole script is undone. Once the winner is done, nothing is left.
        if (!isCreatedMeanwhile(error)) throw error;
        await client.query(script);
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
