import { api } from '../../core/api.js';

export interface LoginResult {
  mfaRequired: boolean;
  mustEnrollMfa: boolean;
  csrfToken: string;
}

export const authApi = {
  login: (email: string, password: string) => api.post<LoginResult>('/api/admin/auth/login', { email, password }, { quiet: true }),
  loginCode: (body: { code: string } | { recoveryCode: string }) =>
    api.post<Partial<LoginResult> | undefined>('/api/admin/auth/login/totp', body, { quiet: true }),
  checkSetup: (token: string) => api.get<{ valid: boolean }>(`/api/admin/auth/setup/${encodeURIComponent(token)}`, undefined, { quiet: true }),
  setup: (body: { token: string; email: string; name: string; password: string }) =>
    api.post<Partial<LoginResult> | undefined>('/api/admin/auth/setup', body, { quiet: true }),
  checkReset: (token: string) => api.get<{ valid: boolean }>(`/api/admin/auth/password-reset/${encodeURIComponent(token)}`, undefined, { quiet: true }),
  checkInvite: (token: string) => api.get<{ valid: boolean }>(`/api/admin/auth/invite/${encodeURIComponent(token)}`, undefined, { quiet: true }),
  requestReset: (email: string) => api.post<unknown>('/api/admin/auth/password-reset/request', { email }, { quiet: true }),
  confirmReset: (token: string, password: string) =>
    api.post<unknown>('/api/admin/auth/password-reset/confirm', { token, password }, { quiet: true }),
  acceptInvite: (token: string, password: string) =>
    api.post<Partial<LoginResult> | undefined>('/api/admin/auth/invite/accept', { token, password }, { quiet: true }),
};
