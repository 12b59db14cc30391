import { useEffect } from 'react';
import { navigate } from './router.js';

/** Where a person without 2FA is sent when their role requires it. */
export const ENROL_PATH = '/account/two-factor';

/** Only paths inside the app are followed after sign-in (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
