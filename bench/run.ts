/**
 * Benchmark runner: `npm run bench -- <scenario> [flags]`. Each scenario starts the built server
 * itself, loads it from 127.0.0.1 only for a bounded time, and records medians into
 * docs/benchmarks.md. Scenarios: foundation, catalog, pricing, checkout, orderhub, bulk, reorder.
 */
import { parseArgs } from './lib.js';
import { foundation } from './foundation.js';
import { catalog } from './catalog.js';
import { orderhub } from './orderhub.js';
import { checkout } from './checkout.js';
import { pricing } from './pricing.js';
import { bulk } from './bulk.js';
import { reorder } from './reorder.js';

const SCENARIOS: Record<string, (flags: Record<string, string>) => Promise<void>> = {
  foundation,
  catalog,
  orderhub,
  checkout,
  pricing,
  bulk,
  reorder,
};

const { flags, positional } = parseArgs(process.argv.slice(2));
const name = positional[0];
const scenario = name ? SCENARIOS[name] : undefined;
if (!scenario) {
  console.error(`usage: npm run bench -- <${Object.keys(SCENARIOS).join('|')}> [--db pglite|postgres|both] [--runs N] [--seconds S]`);
  process.exit(2);
}
scenario(flags).then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
