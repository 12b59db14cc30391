import { useEffect } from 'react';
import { navigate } from './router.js';

/** Where a person without 2FA is sent when their role requires it. */
export const ENROL_PATH = '/account/two-factor';

export { safeNext } from './url.js';

export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
