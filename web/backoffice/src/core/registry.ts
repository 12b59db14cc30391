import type { ComponentType } from 'react';
import type { Permission } from './roles.js';
import type { Params } from './router.js';
import type { IconName } from '../ui/icon.js';

/**
 * Screens are contributed by areas: web/backoffice/src/areas/<area>/index.ts default-exports an
 * `Area` with its routes and sidebar items. They are collected here by file name (no central list
 * to edit), so modules add screens without touching each other's files.
 */
export interface RouteDef {
  /** App path without the /admin base; ':name' segments become params. */
  path: string;
  component: ComponentType<{ params: Params }>;
  /** Who may open it. 'public' pages render without the shell (sign-in, setup, reset). */
  access?: 'public' | 'signedIn';
  /** Permission a signed-in person needs (see src/modules/staff/domain/roles.ts). */
  permission?: Permission;
}

export type NavSection = 'overview' | 'sales' | 'catalog' | 'operations' | 'finance' | 'settings' | 'system';
export const NAV_SECTIONS: NavSection[] = ['overview', 'sales', 'catalog', 'operations', 'finance', 'settings', 'system'];

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  section: NavSection;
  permission?: Permission;
  icon?: IconName;
  /** Sort order inside the section (lower first). */
  order?: number;
  /** i18n key of a one-line description, shown on the dashboard tile. */
  description?: string;
}

export interface Area {
  id: string;
  routes: RouteDef[];
  nav?: NavItem[];
}

const modules = import.meta.glob<Area>('../areas/*/index.{ts,tsx}', { eager: true, import: 'default' });

export const AREAS: Area[] = Object.keys(modules)
  .sort()
  .map((k) => modules[k]!)
  .filter(Boolean);

export const ROUTES: RouteDef[] = AREAS.flatMap((a) => a.routes);

export const NAV: NavItem[] = AREAS.flatMap((a) => a.nav ?? []).sort(
  (x, y) => NAV_SECTIONS.indexOf(x.section) - NAV_SECTIONS.indexOf(y.section) || (x.order ?? 100) - (y.order ?? 100),
);
