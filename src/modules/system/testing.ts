import type { AppModule } from '../../platform/http/types.js';
import type { StaffPrincipal } from '../../platform/auth/principal.js';
import { STAFF_ROLES, type StaffRole } from '../staff/domain/roles.js';

/**
 * For this module's HTTP tests only: a request with `x-test-role: <role>` is a signed-in staff
 * member of that role, so the tests do not depend on the login flow. Never listed in MODULES.
 */
export const TEST_CSRF = 'test-csrf-token';
export const testStaffModule: AppModule = {
  name: 'test-staff',
  async authenticate(req) {
    const role = req.headers['x-test-role'];
    if (typeof role !== 'string' || !(STAFF_ROLES as readonly string[]).includes(role)) return undefined;
    const p: StaffPrincipal = {
      kind: 'staff',
      staffId: `stf_test_${role}`,
      email: `${role}@example.test`,
      name: role,
      role: role as StaffRole,
      locale: 'en',
      sessionId: 'ses_test',
      csrfToken: TEST_CSRF,
      mfaPassed: true,
      mustEnrollMfa: false,
    };
    return p;
  },
};

export const asStaff = (role: StaffRole = 'owner') => ({ 'x-test-role': role, 'x-csrf-token': TEST_CSRF });
