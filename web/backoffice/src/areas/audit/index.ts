import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'audit',
  routes: [{ path: '/audit', component: lazy(() => import('./audit-page.js')), permission: 'audit:read' }],
  nav: [{ to: '/audit', label: 'backoffice.nav.audit', section: 'system', icon: 'list', permission: 'audit:read', order: 10, description: 'backoffice.audit.description' }],
};
export default area;
