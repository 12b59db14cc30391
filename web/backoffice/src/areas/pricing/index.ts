import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'pricing',
  routes: [{ path: '/pricing/explain', component: lazy(() => import('./explain-page.js')), permission: 'pricing:read' }],
  nav: [{ to: '/pricing/explain', label: 'pricing.bo.nav', section: 'catalog', icon: 'money', permission: 'pricing:read', order: 40, description: 'pricing.bo.description' }],
};
export default area;
