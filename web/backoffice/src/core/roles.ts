// The server's role and permission vocabulary, bundled as is (a pure module), so the UI offers
// exactly what the server checks.
export {
  PERMISSIONS,
  STAFF_ROLES,
  ROLE_PERMISSIONS,
  type Permission,
  type StaffRole,
} from '../../../../src/modules/staff/domain/roles.js';
