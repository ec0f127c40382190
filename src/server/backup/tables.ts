/**
 * What the database holds, read from its catalog rather than from the ORM schema: a backup then carries every table
 * of the migration it was taken at, tables added by later migrations included, without this file changing.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";

/** Runs raw SQL and answers its rows: node-postgres and PGlite both put them under `rows`. */
export async function rowsOf<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

export interface TableInfo {
  name: string;
  primaryKey: string[];
  /** foreign-key columns naming a table loaded at the same time or later (the table itself): loaded in a second pass */
  deferred: string[];
}

interface ForeignKey {
  child: string;
  parent: string;
  columns: string[];
}

/** The application's tables (schema public) in an order where every row's references come before it. */
export async function tablesInLoadOrder(db: Queryable): Promise<TableInfo[]> {
  const names = (
    await rowsOf<{ name: string }>(
      db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
    )
  ).map((row) => row.name);
  const keys = await rowsOf<ForeignKey>(
    db,
    sql`select child.relname as child, parent.relname as parent,
          array(select a.attname::text from pg_attribute a where a.attrelid = k.conrelid and a.attnum = any(k.conkey)) as columns
        from pg_constraint k
        join pg_class child on child.oid = k.conrelid
        join pg_class parent on parent.oid = k.confrelid
        join pg_namespace n on n.oid = child.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const primary = await rowsOf<{ table: string; columns: string[] }>(
    db,
    sql`select c.relname as table,
          array(select a.attname::text from unnest(i.indkey) with ordinality as k(attnum, ord)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum order by k.ord) as columns
        from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
        where i.indisprimary and n.nspname = 'public'`,
  );
  const primaryOf = new Map(primary.map((row) => [row.table, row.columns]));

  // Kahn's order on the references between tables; a table's references to itself are deferred, and so, should the
  // schema ever hold a cycle, are the references of the first table left in it
  const placed = new Set<string>();
  const order: TableInfo[] = [];
  let left = [...names];
  while (left.length) {
    const ready = left.filter((table) =>
      keys.every((key) => key.child !== table || key.parent === table || placed.has(key.parent)),
    );
    const batch = ready.length ? ready : [left[0]];
    for (const table of batch) {
      const deferred = keys
        .filter((key) => key.child === table && (key.parent === table || !placed.has(key.parent)))
        .flatMap((key) => key.columns);
      order.push({ name: table, primaryKey: primaryOf.get(table) ?? [], deferred: [...new Set(deferred)] });
      placed.add(table);
    }
    left = left.filter((table) => !placed.has(table));
  }
  return order;
}

/** The serial columns, whose sequences a restore sets past the highest restored value. */
export function serialColumns(db: Queryable): Promise<{ table: string; column: string }[]> {
  return rowsOf(
    db,
    sql`select table_name as table, column_name as column from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`,
  );
}

/** The newest migration applied (drizzle's bookkeeping), by its journal time: null on a database never migrated. */
export async function appliedMigration(db: Queryable): Promise<{ createdAt: number; count: number } | null> {
  const [exists] = await rowsOf<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return null;
  const [row] = await rowsOf<{ created_at: string | number | null; count: string | number }>(
    db,
    sql`select max(created_at) as created_at, count(*) as count from drizzle.__drizzle_migrations`,
  );
  if (!row || row.created_at == null) return null;
  return { createdAt: Number(row.created_at), count: Number(row.count) };
}
