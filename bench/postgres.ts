import pg from "pg";

const ADMIN_URL = process.env.FAZHI_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** An empty PostgreSQL database of this name (dropped first if a run left it), and its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
