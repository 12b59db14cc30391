import { api } from '../../core/api.js';
import { useResource } from '../../core/hooks.js';
import { useI18n } from '../../core/i18n.js';
import { useSession } from '../../core/session.js';
import { PageHeader } from '../../ui/page-header.js';
import { Alert } from '../../ui/misc.js';
import { ZonesSection } from './zones-section.js';
import { MethodsSection } from './methods-section.js';
import { DispatchSection, QuotePreview } from './dispatch-and-quote.js';
import type { Method, Zone } from './types.js';

/** Zones, methods with their rate tables, the dispatch calendar and a quote calculator. */
export default function ShippingPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const canWrite = can('shipping:write');
  const zones = useResource(() => api.get<{ items: Zone[] }>('/api/admin/shipping/zones'), []);
  const methods = useResource(() => api.get<{ items: Method[] }>('/api/admin/shipping/methods'), []);
  const reload = () => {
    void zones.reload();
    void methods.reload();
  };
  return (
    <>
      <PageHeader title={t('shipping.admin.title')} subtitle={t('shipping.admin.subtitle')} />
      <div className="stack">
        {zones.error || methods.error ? <Alert tone="error">{(zones.error ?? methods.error)!.message}</Alert> : null}
        <QuotePreview />
        <MethodsSection methods={methods.data?.items ?? []} zones={zones.data?.items ?? []} loading={methods.loading} canWrite={canWrite} reload={reload} />
        <ZonesSection zones={zones.data?.items ?? []} loading={zones.loading} canWrite={canWrite} reload={reload} />
        <DispatchSection canWrite={canWrite} />
      </div>
    </>
  );
}
