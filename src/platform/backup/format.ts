import fs from 'node:fs';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { finished } from 'node:stream/promises';
import type { ColumnInfo, MigrationLevel } from './schema-info.js';

/**
 * A Tradelane backup is one gzip file of JSON lines:
 *
 *   {"format":"tradelane-backup","version":1, migrations, tables:[{name,columns}], ...}   header
 *   {"table":"api_keys"}                      then one JSON array per row, every value as
 *   ["key_01...","erp",...]                   PostgreSQL's own text form (or null), so bytea,
 *   {"end":"api_keys","rows":12}              jsonb, timestamptz, numeric and arrays round-trip
 *   {"sequence":"order_no","lastValue":"41","isCalled":true}      exactly on PGlite and PostgreSQL
 *   {"job":{"name":"mail.send","data":{...},...}}                  pending jobs (see below)
 *   {"end":"backup","tables":5,"rows":1234,"jobs":2}                 trailer: a file without it is
 *                                                                    incomplete and never restored
 */
export const BACKUP_FORMAT = 'tradelane-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: { kind: 'pglite' | 'postgresql'; serverVersion: string };
  migrations: MigrationLevel;
  tables: { name: string; columns: ColumnInfo[] }[];
  sequences: string[];
  /**
   * Pending jobs (created, retry, active) are included as jobs to enqueue again on restore, so
   * mail and other side effects committed before the backup still happen after it. Job history
   * (completed, failed, cancelled) and pg-boss's own tables are not: they are operational state
   * of the old installation, and the target's pg-boss creates its own.
   */
  jobs: { included: boolean; queues: string[] };
  /** Keyed hash of a constant: tells on restore whether the same APP_SECRET is in use. */
  secretFingerprint: string | null;
}

export interface BackupJob {
  name: string;
  data: unknown;
  priority: number;
  startAfter: string | null;
  singletonKey: string | null;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

/** Writes lines to a gzip file with back-pressure, so memory stays flat for any size. */
export class LineWriter {
  private readonly gzip = zlib.createGzip({ level: 6 });
  private readonly out: fs.WriteStream;
  constructor(file: string) {
    this.out = fs.createWriteStream(file, { mode: 0o600 });
    this.gzip.pipe(this.out);
  }
  async write(value: unknown): Promise<void> {
    if (!this.gzip.write(JSON.stringify(value) + '\n')) await once(this.gzip, 'drain');
  }
  async close(): Promise<number> {
    this.gzip.end();
    await finished(this.out);
    return this.out.bytesWritten;
  }
  destroy(): void {
    this.gzip.destroy();
    this.out.destroy();
  }
}

/**
 * Parsed lines of a backup file, read as a stream (a line is one row, so memory is bounded by
 * the largest row, not the file).
 */
export async function* readLines(file: string): AsyncGenerator<unknown> {
  const raw = fs.createReadStream(file);
  const input = zlib.createGunzip();
  raw.on('error', (e) => input.destroy(e));
  raw.pipe(input);
  const decoder = new StringDecoder('utf8'); // a chunk may end inside a multi-byte character
  let rest = '';
  let lineNo = 0;
  for await (const chunk of input) {
    rest += decoder.write(chunk as Buffer);
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      lineNo++;
      if (line) yield parseLine(line, lineNo);
    }
  }
  rest += decoder.end();
  if (rest) yield parseLine(rest, lineNo + 1);
}

function parseLine(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupFileError(`line ${lineNo} is not valid JSON; the file is damaged`);
  }
}

export class BackupFileError extends Error {
  constructor(message: string) {
    super(`Not a usable Tradelane backup: ${message}.`);
    this.name = 'BackupFileError';
  }
}
