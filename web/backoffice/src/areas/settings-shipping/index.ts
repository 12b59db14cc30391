import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'settings-shipping',
  routes: [{ path: '/settings/shipping', component: lazy(() => import('./shipping-page.js')), permission: 'orders:read' }],
  nav: [{ to: '/settings/shipping', label: 'shipping.admin.nav', section: 'settings', icon: 'box', permission: 'orders:read', order: 42, description: 'shipping.admin.description' }],
};
export default area;
