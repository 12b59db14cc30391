import crypto from 'node:crypto';
import pg from 'pg';

/**
 * A database of its own on the PostgreSQL server of `baseUrl`, for one test context, browser
 * test run or benchmark; `drop()` removes it (closing any connection still open to it).
 */
export async function createFreshPostgresDatabase(
  baseUrl: string,
  prefix = 'tl_test',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
