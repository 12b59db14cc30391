import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'fx',
  routes: [{ path: '/fx', component: lazy(() => import('./fx-page.js')), permission: 'pricing:read' }],
  nav: [{ to: '/fx', label: 'fx.bo.nav', section: 'finance', icon: 'money', permission: 'pricing:read', order: 60, description: 'fx.bo.description' }],
};
export default area;
