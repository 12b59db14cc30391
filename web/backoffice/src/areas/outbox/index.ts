import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'outbox',
  routes: [{ path: '/outbox', component: lazy(() => import('./outbox-page.js')), permission: 'outbox:read' }],
  nav: [{ to: '/outbox', label: 'backoffice.nav.outbox', section: 'system', icon: 'mail', permission: 'outbox:read', order: 30, description: 'backoffice.outbox.description' }],
};
export default area;
