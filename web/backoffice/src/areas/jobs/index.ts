import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'jobs',
  routes: [{ path: '/jobs', component: lazy(() => import('./jobs-page.js')), permission: 'jobs:read' }],
  nav: [{ to: '/jobs', label: 'backoffice.nav.jobs', section: 'system', icon: 'clock', permission: 'jobs:read', order: 20, description: 'backoffice.jobs.description' }],
};
export default area;
