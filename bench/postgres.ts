import pg from "pg";

const ADMIN_URL = process.env.FAZHI_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function asAdmin(work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A PostgreSQL database of this name, dropped first if a run left it: empty, or a copy of `template`. Answers its
 * URL.
 */
export async function freshDatabase(name: string, template?: string): Promise<string> {
  await asAdmin(async (admin) => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}${template ? ` template ${template}` : ""}`);
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(name: string): Promise<void> {
  await asAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
}
