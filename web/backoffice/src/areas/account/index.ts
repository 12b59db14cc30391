import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'account',
  routes: [
    { path: '/account', component: lazy(() => import('./account-page.js')) },
    { path: '/account/two-factor', component: lazy(() => import('./two-factor-page.js')) },
  ],
};
export default area;
