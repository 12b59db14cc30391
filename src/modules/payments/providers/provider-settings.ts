import type { AppDeps } from '../../../platform/http/types.js';

const built = new WeakMap<object, unknown>();

/**
 * The settings of one payment provider: what tests pass in `deps.providers[name]`, otherwise built
 * once per configuration object from `cfg` (a gateway is created on first use, not at start-up).
 */
export function providerSettings<T>(deps: Pick<AppDeps, 'providers'>, name: string, cfg: object, build: () => T): T {
  const given = deps.providers[name] as T | undefined;
  if (given) return given;
  let s = built.get(cfg) as T | undefined;
  if (!s) {
    s = build();
    built.set(cfg, s);
  }
  return s;
}
