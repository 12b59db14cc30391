import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'bulk',
  routes: [
    { path: '/bulk-for', component: lazy(() => import('./bulk-for-page.js')), permission: 'orders:write' },
    { path: '/bulk-for/:customerId', component: lazy(() => import('./bulk-for-page.js')), permission: 'orders:write' },
  ],
  nav: [{ to: '/bulk-for', label: 'bulk.bo.nav', section: 'sales', icon: 'cart', permission: 'orders:write', order: 14, description: 'bulk.bo.description' }],
};
export default area;
