import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

/** Order hub: one inbox across channels, the order workspace, review rules and channel settings. */
const area: Area = {
  id: 'orderhub',
  routes: [
    { path: '/orderhub', component: lazy(() => import('./inbox-page.js')), permission: 'orders:read' },
    { path: '/orderhub/orders/:orderId', component: lazy(() => import('./order-page.js')), permission: 'orders:read' },
    { path: '/orderhub/rules', component: lazy(() => import('./rules-page.js')), permission: 'orders:read' },
    { path: '/orderhub/channels', component: lazy(() => import('./channels-page.js')), permission: 'orders:read' },
  ],
  nav: [
    { to: '/orderhub', label: 'channels.ui.nav.inbox', section: 'sales', icon: 'inbox', permission: 'orders:read', order: 10, description: 'channels.ui.nav.inboxDescription' },
    { to: '/orderhub/rules', label: 'channels.ui.nav.rules', section: 'sales', icon: 'rules', permission: 'orders:read', order: 30, description: 'channels.ui.nav.rulesDescription' },
    { to: '/orderhub/channels', label: 'channels.ui.nav.channels', section: 'settings', icon: 'globe', permission: 'orders:read', order: 30, description: 'channels.ui.nav.channelsDescription' },
  ],
};
export default area;
