import type { AppDeps } from '../../../platform/http/types.js';

export async function seedCatalogDemo(_deps: AppDeps): Promise<void> {}
