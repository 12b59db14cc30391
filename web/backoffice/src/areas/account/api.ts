import { api } from '../../core/api.js';

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export const accountApi = {
  changePassword: (currentPassword: string, newPassword: string) =>
    api.put<unknown>('/api/admin/account/password', { currentPassword, newPassword }),
  startTotp: () => api.post<TotpSetup>('/api/admin/account/totp/setup', {}),
  enableTotp: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/admin/account/totp/enable', { code }),
  disableTotp: (password: string, code: string) => api.post<unknown>('/api/admin/account/totp/disable', { password, code }),
  regenerateRecoveryCodes: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/admin/account/recovery-codes', { code }),
  logoutEverywhere: () => api.post<unknown>('/api/admin/auth/logout-everywhere', {}),
};
