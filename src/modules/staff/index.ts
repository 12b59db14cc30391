import type { AppDeps, AppModule } from '../../platform/http/types.js';

/** Lines printed at start-up about the first owner (setup link while none exists). */
export async function firstOwnerHint(_deps: AppDeps): Promise<string[]> {
  return ['Create the first owner: npx tradelane staff create --email you@example.com --role owner'];
}

export const staffModule: AppModule = {
  name: 'staff',
};
