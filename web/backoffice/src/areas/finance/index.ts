import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

/** Finance: the desk (payments to confirm, approvals, L/Cs, overdue, frozen, aging), customer credit, order payments. */
const area: Area = {
  id: 'finance',
  routes: [
    { path: '/finance', component: lazy(() => import('./finance-desk-page.js')), permission: 'payments:read' },
    { path: '/finance/customers', component: lazy(() => import('./customers-page.js')), permission: 'payments:read' },
    { path: '/finance/customers/:id', component: lazy(() => import('./customer-credit-page.js')), permission: 'payments:read' },
    { path: '/finance/orders/:id', component: lazy(() => import('./order-payments-page.js')), permission: 'payments:read' },
    { path: '/finance/payment-methods', component: lazy(() => import('./payment-methods-page.js')), permission: 'payments:read' },
  ],
  nav: [
    { to: '/finance', label: 'payments.bo.nav', section: 'finance', icon: 'money', permission: 'payments:read', order: 10, description: 'payments.bo.navDescription' },
    { to: '/finance/customers', label: 'payments.bo.navCredit', section: 'finance', icon: 'users', permission: 'payments:read', order: 20 },
    { to: '/finance/payment-methods', label: 'payments.bo.navMethods', section: 'finance', icon: 'gear', permission: 'payments:read', order: 30 },
  ],
};
export default area;
