import { Suspense, type ReactNode } from 'react';
import { ROUTES, type RouteDef } from '../core/registry.js';
import { matchPath, useLocation, type Params } from '../core/router.js';
import { ENROL_PATH, Redirect } from '../core/paths.js';
import { useSession } from '../core/session.js';
import { useT } from '../core/i18n.js';
import { AppLayout, BareLayout } from './layout.js';
import { PageHeader } from '../ui/page-header.js';
import { Spinner, Alert } from '../ui/misc.js';

/** Static segments win over params ('/staff/new' before '/staff/:id'). */
const ORDERED = [...ROUTES].sort((a, b) => specificity(b) - specificity(a));
function specificity(r: RouteDef): number {
  return r.path.split('/').filter((s) => s && !s.startsWith(':')).length * 10 - r.path.split('/').filter((s) => s.startsWith(':')).length;
}

export function findRoute(path: string): { route: RouteDef; params: Params } | undefined {
  for (const route of ORDERED) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return undefined;
}

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spinner />}>{children}</Suspense>;
}

export function App() {
  const t = useT();
  const { path, search } = useLocation();
  const { state, can } = useSession();
  const found = findRoute(path);

  if (found?.route.access === 'public') {
    const C = found.route.component;
    return (
      <BareLayout>
        <Page>
          <C params={found.params} />
        </Page>
      </BareLayout>
    );
  }

  if (state.status === 'loading') {
    return (
      <div className="boot">
        <Spinner />
      </div>
    );
  }
  const here = path + (search.toString() ? `?${search}` : '');
  if (state.status === 'anonymous') return <Redirect to={`/login${here !== '/' ? `?next=${encodeURIComponent(here)}` : ''}`} />;
  if (state.status === 'mfa') return <Redirect to={`/login?step=code${here !== '/' ? `&next=${encodeURIComponent(here)}` : ''}`} />;
  if (state.session.mustEnrollMfa && path !== ENROL_PATH) return <Redirect to={`${ENROL_PATH}?required=1`} />;

  if (!found) {
    return (
      <AppLayout>
        <PageHeader title={t('backoffice.notFound.title')} />
        <Alert>{t('backoffice.notFound.body')}</Alert>
      </AppLayout>
    );
  }
  if (!can(found.route.permission)) {
    return (
      <AppLayout>
        <PageHeader title={t('backoffice.forbidden.title')} />
        <Alert tone="warning">{t('backoffice.forbidden.body')}</Alert>
      </AppLayout>
    );
  }
  const C = found.route.component;
  return (
    <AppLayout>
      <Page>
        <C key={path} params={found.params} />
      </Page>
    </AppLayout>
  );
}
