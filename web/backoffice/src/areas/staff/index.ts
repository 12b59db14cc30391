import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'staff',
  routes: [{ path: '/staff', component: lazy(() => import('./staff-page.js')), permission: 'staff:read' }],
  nav: [{ to: '/staff', label: 'backoffice.nav.staff', section: 'settings', icon: 'users', permission: 'staff:read', order: 10, description: 'backoffice.staff.description' }],
};
export default area;
