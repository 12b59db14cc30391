import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'api-keys',
  routes: [{ path: '/api-keys', component: lazy(() => import('./api-keys-page.js')), permission: 'apikeys:manage' }],
  nav: [{ to: '/api-keys', label: 'backoffice.nav.apiKeys', section: 'settings', icon: 'key', permission: 'apikeys:manage', order: 30, description: 'backoffice.apiKeys.description' }],
};
export default area;
