import { lazy } from 'react';
import type { Area } from '../../core/registry.js';

/** Catalog (products, categories, attributes, pages, imports, translations) and the inquiry inbox. */
const area: Area = {
  id: 'catalog',
  routes: [
    { path: '/catalog/products', component: lazy(() => import('./products-page.js')), permission: 'catalog:read' },
    { path: '/catalog/products/new', component: lazy(() => import('./product-edit-page.js')), permission: 'catalog:write' },
    { path: '/catalog/products/:id', component: lazy(() => import('./product-edit-page.js')), permission: 'catalog:read' },
    { path: '/catalog/taxonomy', component: lazy(() => import('./taxonomy-page.js')), permission: 'catalog:read' },
    { path: '/catalog/content', component: lazy(() => import('./content-page.js')), permission: 'catalog:read' },
    { path: '/catalog/import', component: lazy(() => import('./import-page.js')), permission: 'catalog:read' },
    { path: '/inquiries', component: lazy(() => import('./inquiries-page.js')), permission: 'inquiries:read' },
    { path: '/inquiries/:id', component: lazy(() => import('./inquiry-page.js')), permission: 'inquiries:read' },
  ],
  nav: [
    { to: '/inquiries', label: 'catalog.admin.nav.inquiries', section: 'sales', icon: 'inbox', permission: 'inquiries:read', order: 5, description: 'catalog.admin.nav.inquiriesDescription' },
    { to: '/catalog/products', label: 'catalog.admin.nav.products', section: 'catalog', icon: 'box', permission: 'catalog:read', order: 10, description: 'catalog.admin.nav.productsDescription' },
    { to: '/catalog/taxonomy', label: 'catalog.admin.nav.taxonomy', section: 'catalog', icon: 'tag', permission: 'catalog:read', order: 20, description: 'catalog.admin.nav.taxonomyDescription' },
    { to: '/catalog/content', label: 'catalog.admin.nav.content', section: 'catalog', icon: 'globe', permission: 'catalog:read', order: 30, description: 'catalog.admin.nav.contentDescription' },
    { to: '/catalog/import', label: 'catalog.admin.nav.import', section: 'catalog', icon: 'download', permission: 'catalog:read', order: 40, description: 'catalog.admin.nav.importDescription' },
  ],
};
export default area;
