import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'customers',
  routes: [
    { path: '/kyc', component: lazy(() => import('./kyc-queue-page.js')), permission: 'customers:read' },
    { path: '/kyc/:id', component: lazy(() => import('./kyc-application-page.js')), permission: 'customers:read' },
  ],
  nav: [{ to: '/kyc', label: 'customers.bo.nav', section: 'sales', icon: 'users', permission: 'customers:read', order: 20, description: 'customers.bo.description' }],
};
export default area;
