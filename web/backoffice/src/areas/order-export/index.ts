import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'order-export',
  routes: [
    { path: '/order-export', component: lazy(() => import('./export-page.js')), permission: 'orders:read' },
    { path: '/order-for', component: lazy(() => import('./order-for-page.js')), permission: 'orders:write' },
    { path: '/order-for/:customerId', component: lazy(() => import('./order-for-page.js')), permission: 'orders:write' },
  ],
  nav: [
    { to: '/order-for', label: 'reorder.bo.orderForNav', section: 'sales', icon: 'cart', permission: 'orders:write', order: 12, description: 'reorder.bo.orderForDescription' },
    { to: '/order-export', label: 'reorder.bo.exportNav', section: 'sales', icon: 'cart', permission: 'orders:read', order: 13, description: 'reorder.bo.exportDescription' },
  ],
};
export default area;
