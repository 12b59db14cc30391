import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own and a second process opening the same directory loses committed
 * rows, so whoever opens DATA_DIR holds this lock for as long as it runs. Node has no flock, so
 * this is an O_EXCL pid file: a lock whose pid is no longer alive (kill -9, power loss) is stale
 * and taken over; a live one is refused with a message that says what to do.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly holder: string,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Tradelane process (pid ${pid}, ${holder}). ` +
        `The embedded database allows one process at a time: stop that process first, ` +
        `or run Tradelane on PostgreSQL (DATABASE_URL) to use several.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string, holder: string): DirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'tradelane.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const cur = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
          if (cur.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let info: { pid: number; holder?: string } | undefined;
      try {
        info = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        info = undefined; // half-written by a process that died mid-write: stale
      }
      if (info && info.pid !== process.pid && isAlive(info.pid)) {
        throw new DataDirLockedError(dataDir, info.pid, info.holder ?? 'unknown');
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
