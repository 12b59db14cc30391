import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

// Sign-in pages load with the shell (they are the first thing most visits show).
import { LoginPage } from './login-page.js';

const area: Area = {
  id: 'auth',
  routes: [
    { path: '/login', component: LoginPage, access: 'public' },
    { path: '/setup', component: lazy(() => import('./setup-page.js')), access: 'public' },
    { path: '/forgot', component: lazy(() => import('./forgot-page.js')), access: 'public' },
    { path: '/reset', component: lazy(() => import('./reset-page.js')), access: 'public' },
    { path: '/invite', component: lazy(() => import('./invite-page.js')), access: 'public' },
  ],
};
export default area;
