import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'settings-tax',
  routes: [
    { path: '/settings/tax', component: lazy(() => import('./tax-page.js')), permission: 'orders:read' },
    { path: '/settings/duty', component: lazy(() => import('./duty-page.js')), permission: 'orders:read' },
  ],
  nav: [
    { to: '/settings/tax', label: 'tax.admin.nav', section: 'settings', icon: 'money', permission: 'orders:read', order: 40, description: 'tax.admin.description' },
    { to: '/settings/duty', label: 'tax.admin.dutyNav', section: 'settings', icon: 'globe', permission: 'orders:read', order: 41, description: 'tax.admin.dutyDescription' },
  ],
};
export default area;
