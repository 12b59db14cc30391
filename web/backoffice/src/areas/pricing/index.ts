import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

const area: Area = {
  id: 'pricing',
  routes: [
    { path: '/pricing/lists', component: lazy(() => import('./lists-page.js')), permission: 'pricing:read' },
    { path: '/pricing/lists/:id', component: lazy(() => import('./list-page.js')), permission: 'pricing:read' },
    { path: '/pricing/rules', component: lazy(() => import('./rules-page.js')), permission: 'pricing:read' },
    { path: '/pricing/explain', component: lazy(() => import('./explain-page.js')), permission: 'pricing:read' },
  ],
  nav: [
    { to: '/pricing/lists', label: 'pricing.bo.listsNav', section: 'catalog', icon: 'money', permission: 'pricing:read', order: 38, description: 'pricing.bo.listsDescription' },
    { to: '/pricing/rules', label: 'pricing.bo.rulesNav', section: 'catalog', icon: 'money', permission: 'pricing:read', order: 39, description: 'pricing.bo.rulesDescription' },
    { to: '/pricing/explain', label: 'pricing.bo.nav', section: 'catalog', icon: 'money', permission: 'pricing:read', order: 40, description: 'pricing.bo.description' },
  ],
};
export default area;
