import { api } from '../../core/api.js';
import { useResource } from '../../core/hooks.js';
import { useI18n } from '../../core/i18n.js';
import { useSession } from '../../core/session.js';
import { PageHeader } from '../../ui/page-header.js';
import { Alert, Spinner } from '../../ui/misc.js';
import { TaxSettingsForm } from './tax-settings-form.js';
import { EuRatesSection, UsRatesSection } from './tax-reference.js';
import { TaxPreview } from './tax-preview.js';
import type { TaxSettings } from './types.js';

/** Tax settings, the rate tables they draw on, and a calculator to check them. */
export default function TaxPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const res = useResource(() => api.get<TaxSettings>('/api/admin/tax/settings'), []);
  const canWrite = can('tax:write');
  if (res.loading && !res.data) return <Spinner />;
  if (res.error && !res.data) return <Alert tone="error">{res.error.message}</Alert>;
  return (
    <>
      <PageHeader title={t('tax.admin.title')} subtitle={t('tax.admin.subtitle')} />
      <div className="stack">
        <TaxSettingsForm initial={res.data!} canWrite={canWrite} onSaved={(s) => res.setData(s)} />
        <TaxPreview />
        <UsRatesSection canWrite={canWrite} />
        <EuRatesSection />
      </div>
    </>
  );
}
