import { AppError } from '../../../platform/errors/app-error.js';

/**
 * Fetches an ECB rate file over HTTP. The URL is configuration (FX_SOURCE_URL), so tests and
 * mirrors point it elsewhere; the adapter knows nothing about parsing.
 */
export interface RateSource {
  fetchText(url: string): Promise<string>;
}

export function createEcbSource(opts: { timeoutMs?: number } = {}): RateSource {
  return {
    async fetchText(url) {
      let res: Response;
      try {
        res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000), headers: { accept: 'application/xml, text/csv, */*' } });
      } catch (e) {
        throw new AppError('upstream_failed', `Could not reach the rate source ${url}: ${(e as Error).message}`);
      }
      if (!res.ok) throw new AppError('upstream_failed', `The rate source ${url} answered ${res.status} ${res.statusText}.`);
      return res.text();
    },
  };
}

export function rateSourceOf(providers: Record<string, unknown>): RateSource {
  return (providers.ecb as RateSource | undefined) ?? createEcbSource();
}
