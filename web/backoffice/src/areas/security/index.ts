import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'security',
  routes: [{ path: '/security', component: lazy(() => import('./security-page.js')), permission: 'security:manage' }],
  nav: [{ to: '/security', label: 'backoffice.nav.security', section: 'settings', icon: 'shield', permission: 'security:manage', order: 20, description: 'backoffice.security.description' }],
};
export default area;
