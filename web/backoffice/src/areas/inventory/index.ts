import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

/** Stock per SKU and warehouse with adjustments and the ledger; warehouses. */
const area: Area = {
  id: 'inventory',
  routes: [
    { path: '/inventory', component: lazy(() => import('./stock-page.js')), permission: 'inventory:read' },
    { path: '/inventory/warehouses', component: lazy(() => import('./warehouses-page.js')), permission: 'inventory:read' },
  ],
  nav: [
    { to: '/inventory', label: 'inventory.nav.stock', section: 'operations', icon: 'box', permission: 'inventory:read', order: 10 },
    { to: '/inventory/warehouses', label: 'inventory.nav.warehouses', section: 'settings', icon: 'box', permission: 'inventory:read', order: 40 },
  ],
};
export default area;
