import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

/** Orders of every channel: the list with filters and the order page (timeline, cancellation). */
const area: Area = {
  id: 'orders',
  routes: [
    { path: '/orders', component: lazy(() => import('./orders-page.js')), permission: 'orders:read' },
    { path: '/orders/:id', component: lazy(() => import('./order-page.js')), permission: 'orders:read' },
  ],
  nav: [{ to: '/orders', label: 'orders.admin.nav', section: 'sales', icon: 'cart', permission: 'orders:read', order: 5 }],
};
export default area;
