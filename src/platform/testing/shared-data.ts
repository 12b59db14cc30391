import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real public specs and payloads live in ../shared/data beside the checkout (CI has it; a user's
 * clone may not). Tests that read them call `sharedData('ecb/...')` and skip, saying so, when
 * the folder is absent. The files are never copied into the project.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const SHARED_DATA_DIR =
  process.env.TRADELANE_SHARED_DATA ?? path.resolve(here, '../../../../shared/data');

export const hasSharedData = fs.existsSync(SHARED_DATA_DIR);
export const SHARED_DATA_SKIP_REASON = `../shared/data is absent (${SHARED_DATA_DIR}); tests on the real payloads are skipped`;

if (!hasSharedData && process.env.VITEST) {
  console.warn(`[tradelane] ${SHARED_DATA_SKIP_REASON}`);
}

export function sharedDataPath(rel: string): string {
  return path.join(SHARED_DATA_DIR, rel);
}

export function readSharedData(rel: string): Buffer {
  return fs.readFileSync(sharedDataPath(rel));
}

export function readSharedJson<T = unknown>(rel: string): T {
  return JSON.parse(readSharedData(rel).toString('utf8')) as T;
}
