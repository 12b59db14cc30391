import type { AppDeps } from '../../../platform/http/types.js';
import { SYSTEM_ACTOR, type Actor } from '../../../platform/auth/principal.js';
import { rateSourceOf } from '../providers/ecb.js';
import { importRates, type ImportResult } from './import-rates.js';

/** Fetches FX_SOURCE_URL (outside any transaction), then stores what it got. */
export async function refreshRates(deps: AppDeps, actor: Actor = SYSTEM_ACTOR): Promise<ImportResult> {
  const url = deps.config.fxSourceUrl;
  const text = await rateSourceOf(deps.providers).fetchText(url);
  return importRates(deps, { text, origin: url, actor });
}
