import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'home',
  routes: [{ path: '/', component: lazy(() => import('./home-page.js')) }],
  nav: [{ to: '/', label: 'backoffice.nav.home', section: 'overview', icon: 'home', order: 0 }],
};
export default area;
