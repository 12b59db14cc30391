import type { ReactNode } from 'react';
import { NAV, NAV_SECTIONS } from '../core/registry.js';
import { Link, navigate, useLocation } from '../core/router.js';
import { useSession } from '../core/session.js';
import { useT } from '../core/i18n.js';
import { Icon } from '../ui/icon.js';
import { LocaleSwitch } from './locale-switch.js';

/** The signed-in frame: sidebar of the areas the person may use, a top bar with who they are. */
export function AppLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const { session, can, logout } = useSession();
  const { path } = useLocation();
  const items = NAV.filter((n) => can(n.permission));
  const active = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));
  const restricted = !!session?.mustEnrollMfa;

  return (
    <div className="app">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark">T</span>
          <span className="brand-name">Tradelane</span>
        </div>
        <nav aria-label={t('backoffice.nav.label')}>
          {restricted
            ? null
            : NAV_SECTIONS.map((section) => {
                const inSection = items.filter((i) => i.section === section);
                if (!inSection.length) return null;
                return (
                  <div className="nav-section" key={section}>
                    {section !== 'overview' ? <div className="nav-section-title">{t(`backoffice.nav.section.${section}`)}</div> : null}
                    {inSection.map((i) => (
                      <Link key={i.to} to={i.to} className={`nav-item${active(i.to) ? ' active' : ''}`} aria-current={active(i.to) ? 'page' : undefined}>
                        {i.icon ? <Icon name={i.icon} /> : <span className="icon" />}
                        <span>{t(i.label)}</span>
                      </Link>
                    ))}
                  </div>
                );
              })}
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="topbar-spacer" />
          <LocaleSwitch compact />
          {session ? (
            <Link to="/account" className="topbar-user" title={session.staff.email}>
              <span className="avatar" aria-hidden="true">
                {(session.staff.name || session.staff.email).slice(0, 1).toUpperCase()}
              </span>
              <span className="topbar-user-text">
                <span className="topbar-user-name">{session.staff.name || session.staff.email}</span>
                <span className="topbar-user-role">{t(`backoffice.roles.${session.staff.role}`)}</span>
              </span>
            </Link>
          ) : null}
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            data-testid="logout"
            onClick={async () => {
              await logout().catch(() => undefined);
              navigate('/login', { replace: true });
            }}
          >
            <Icon name="logout" size={14} />
            {t('backoffice.auth.logout')}
          </button>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}

/** Sign-in, setup and reset pages: a centred card, no navigation. */
export function BareLayout({ children }: { children: ReactNode }) {
  return (
    <div className="bare">
      <div className="bare-top">
        <div className="brand brand-dark">
          <span className="brand-mark">T</span>
          <span className="brand-name">Tradelane</span>
        </div>
        <LocaleSwitch compact />
      </div>
      <div className="bare-card">{children}</div>
    </div>
  );
}
