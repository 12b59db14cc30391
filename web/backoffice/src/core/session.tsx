import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, configureApi } from './api.js';
import { getLocale, matchUiLocale, useI18n, type UiLocale } from './i18n.js';
import type { Permission, StaffRole } from './roles.js';

export interface SessionStaff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  locale: string;
  totpEnabled: boolean;
}

/** GET /api/admin/session */
export interface SessionInfo {
  staff: SessionStaff;
  mfaPassed: boolean;
  mustEnrollMfa: boolean;
  csrfToken: string;
  permissions: string[];
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  /** Password accepted, the TOTP (or recovery) code still owed. */
  | { status: 'mfa'; session: SessionInfo | null }
  | { status: 'ready'; session: SessionInfo };

interface SessionApi {
  state: SessionState;
  /** The signed-in person once fully signed in, else null. */
  session: SessionInfo | null;
  refresh: () => Promise<SessionState>;
  /** Remember the CSRF token a login reply hands out before the session is re-read. */
  adoptCsrfToken: (token: string) => void;
  can: (permission: Permission | undefined) => boolean;
  logout: () => Promise<void>;
  /** Changes the UI language; saved on the account when signed in, in this browser always. */
  changeLocale: (locale: UiLocale) => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const csrf = useRef<string | undefined>(undefined);
  const localeAppliedFor = useRef<string | undefined>(undefined);

  const refresh = useCallback(async (): Promise<SessionState> => {
    let next: SessionState;
    try {
      const s = await api.get<SessionInfo>('/api/admin/session', undefined, { quiet: true });
      csrf.current = s.csrfToken ?? csrf.current;
      next = s.mfaPassed ? { status: 'ready', session: s } : { status: 'mfa', session: s };
      // The account's language wins once per sign-in; later re-reads must not undo a switch
      // the person just made (its PUT may still be on the way).
      const accountLocale = matchUiLocale(s.staff?.locale);
      if (s.mfaPassed && localeAppliedFor.current !== s.staff.id) {
        localeAppliedFor.current = s.staff.id;
        if (accountLocale && accountLocale !== getLocale()) await setLocale(accountLocale);
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'mfa_required') next = { status: 'mfa', session: null };
      else if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
        csrf.current = undefined;
        localeAppliedFor.current = undefined;
        next = { status: 'anonymous' };
      } else throw e;
    }
    setState(next);
    return next;
  }, [setLocale]);

  useEffect(() => {
    configureApi({
      csrfToken: () => csrf.current,
      locale: getLocale,
      onAuthProblem: () => {
        void refresh().catch(() => undefined);
      },
    });
    refresh().catch(() => setState({ status: 'anonymous' }));
  }, [refresh]);

  const value = useMemo<SessionApi>(() => {
    const session = state.status === 'ready' ? state.session : null;
    return {
      state,
      session,
      refresh,
      adoptCsrfToken: (token) => {
        csrf.current = token;
      },
      can: (permission) => {
        if (!session) return false;
        if (!permission) return true;
        return session.permissions.includes(permission);
      },
      logout: async () => {
        try {
          await api.post('/api/admin/auth/logout', {}, { quiet: true });
        } finally {
          csrf.current = undefined;
          localeAppliedFor.current = undefined;
          setState({ status: 'anonymous' });
        }
      },
      changeLocale: async (locale) => {
        await setLocale(locale);
        if (session) {
          await api.put('/api/admin/account/locale', { locale });
          setState({ status: 'ready', session: { ...session, staff: { ...session.staff, locale } } });
        }
      },
    };
  }, [state, refresh, setLocale]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
