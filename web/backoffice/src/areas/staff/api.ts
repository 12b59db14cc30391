import { api, itemsOf } from '../../core/api.js';
import type { StaffRole } from '../../core/roles.js';

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** active | disabled | invited */
  status: string;
  totpEnabled?: boolean;
  lastLoginAt?: string | null;
  createdAt?: string;
}

export const staffApi = {
  list: async () => itemsOf(await api.get<StaffMember[] | { items: StaffMember[] }>('/api/admin/staff')),
  invite: (body: { email: string; name: string; role: StaffRole }) => api.post<unknown>('/api/admin/staff', body),
  update: (id: string, body: { name?: string; role?: StaffRole; status?: 'active' | 'disabled' }) =>
    api.patch<StaffMember>(`/api/admin/staff/${encodeURIComponent(id)}`, body),
  revokeSessions: (id: string) => api.post<unknown>(`/api/admin/staff/${encodeURIComponent(id)}/revoke-sessions`, {}),
};
