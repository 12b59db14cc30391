import { NAV } from '../../core/registry.js';
import { useT } from '../../core/i18n.js';
import { Link } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { ENROL_PATH } from '../../core/paths.js';
import { PageHeader } from '../../ui/page-header.js';
import { Alert } from '../../ui/misc.js';
import { Icon } from '../../ui/icon.js';

/** Start page: a tile for every screen the person may open, and a nudge towards 2FA. */
export default function HomePage() {
  const t = useT();
  const { session, can } = useSession();
  const tiles = NAV.filter((n) => n.to !== '/' && can(n.permission));
  return (
    <>
      <PageHeader title={t('backoffice.home.title', { name: session?.staff.name ?? '' })} subtitle={t('backoffice.home.subtitle')} />
      {session && !session.staff.totpEnabled ? (
        <div style={{ marginBottom: 16 }}>
          <Alert tone="warning" title={t('backoffice.home.no2faTitle')}>
            {t('backoffice.home.no2faBody')} <Link to={ENROL_PATH}>{t('backoffice.home.no2faAction')}</Link>
          </Alert>
        </div>
      ) : null}
      <div className="tiles">
        {tiles.map((n) => (
          <Link key={n.to} to={n.to} className="tile">
            <div className="tile-head">
              {n.icon ? <Icon name={n.icon} /> : null}
              {t(n.label)}
            </div>
            {n.description ? <p>{t(n.description)}</p> : null}
          </Link>
        ))}
        <Link to="/account" className="tile">
          <div className="tile-head">
            <Icon name="user" />
            {t('backoffice.nav.account')}
          </div>
          <p>{t('backoffice.account.description')}</p>
        </Link>
      </div>
    </>
  );
}
