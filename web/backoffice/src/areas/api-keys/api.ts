import { api, itemsOf } from '../../core/api.js';

export interface ApiKey {
  id: string;
  name: string;
  /** First characters of the key, so a person can tell keys apart (the key itself is never shown again). */
  prefix?: string;
  scopes: string[];
  rateLimitPerHour?: number | null;
  lastUsedAt?: string | null;
  createdAt?: string;
  revokedAt?: string | null;
}

export const apiKeysApi = {
  list: async () => itemsOf(await api.get<ApiKey[] | { items: ApiKey[] }>('/api/admin/api-keys')),
  create: (body: { name: string; scopes: string[]; rateLimitPerHour?: number }) => api.post<{ key: string; apiKey: ApiKey }>('/api/admin/api-keys', body),
  revoke: (id: string) => api.del(`/api/admin/api-keys/${encodeURIComponent(id)}`),
};
