import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'customers',
  routes: [
    { path: '/customers', component: lazy(() => import('./customers-page.js')), permission: 'customers:read' },
    { path: '/customers/settings', component: lazy(() => import('./settings-page.js')), permission: 'settings:write' },
    { path: '/customers/:id', component: lazy(() => import('./customer-page.js')), permission: 'customers:read' },
    { path: '/kyc', component: lazy(() => import('./kyc-queue-page.js')), permission: 'customers:read' },
    { path: '/kyc/:id', component: lazy(() => import('./kyc-application-page.js')), permission: 'customers:read' },
  ],
  nav: [
    { to: '/customers', label: 'customers.bo.customersNav', section: 'sales', icon: 'users', permission: 'customers:read', order: 18, description: 'customers.bo.customersDescription' },
    { to: '/kyc', label: 'customers.bo.nav', section: 'sales', icon: 'users', permission: 'customers:read', order: 20, description: 'customers.bo.description' },
    { to: '/customers/settings', label: 'customers.bo.settingsNav', section: 'settings', icon: 'users', permission: 'settings:write', order: 30, description: 'customers.bo.settingsDescription' },
  ],
};
export default area;
