import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, query, sql, type Database } from './database.js';
import { bumpRefData, cachedRefData } from './ref-cache.js';
import { createFreshPostgresDatabase } from '../testing/fresh-postgres.js';

/**
 * The reference-data cache must never serve a value older than a committed edit for longer than
 * it takes the commit's NOTIFY to arrive: in the editing process at once, in another process
 * (web + worker on one PostgreSQL) as soon as the notification lands; a rolled-back edit
 * changes nothing.
 */
const read = (d: Database, tx = d.db) => cachedRefData(tx, 'test_ref', async () => (await query<{ v: number }>(tx, sql`SELECT v FROM test_ref`))[0]!.v);
const edit = (d: Database, v: number, rollback = false) =>
  d
    .transaction(async (tx) => {
      await tx.execute(sql`UPDATE test_ref SET v = ${v}`);
      await bumpRefData(tx, 'test_ref');
      if (rollback) throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });

async function until(check: () => Promise<boolean>, ms = 3000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('not within time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('reference-data cache (PGlite)', () => {
  let d: Database;
  beforeAll(async () => {
    d = await openDatabase({});
    await d.exec('CREATE TABLE test_ref (v int); INSERT INTO test_ref VALUES (1);');
  });
  afterAll(() => d.close());

  it('serves the cached copy, drops it on a committed edit, keeps it on a rolled-back one', async () => {
    expect(await read(d)).toBe(1);
    await d.exec('UPDATE test_ref SET v = 99'); // behind the cache's back: still cached
    expect(await read(d)).toBe(1);
    await edit(d, 2);
    expect(await read(d)).toBe(2);
    await edit(d, 3, true);
    expect(await read(d)).toBe(2);
    expect(await d.transaction((tx) => read(d, tx))).toBe(2);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('reference-data cache across processes (PostgreSQL)', () => {
  let web: Database;
  let worker: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await createFreshPostgresDatabase(process.env.TEST_DATABASE_URL!);
    drop = fresh.drop;
    web = await openDatabase({ url: fresh.url, poolSize: 2 });
    worker = await openDatabase({ url: fresh.url, poolSize: 2 });
    await web.exec('CREATE TABLE test_ref (v int); INSERT INTO test_ref VALUES (1);');
  });
  afterAll(async () => {
    await web?.close();
    await worker?.close();
    await drop?.();
  });

  it('an edit committed in one process reaches the cache of the other', async () => {
    expect(await read(web)).toBe(1);
    expect(await read(worker)).toBe(1);
    await edit(worker, 2);
    expect(await read(worker)).toBe(2); // the editing process at once
    await until(async () => (await read(web)) === 2);
    await edit(web, 3, true);
    await new Promise((r) => setTimeout(r, 100));
    expect(await read(worker)).toBe(2);
    expect(await read(web)).toBe(2);
  });
});
