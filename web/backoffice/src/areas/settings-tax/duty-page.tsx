import { useI18n } from '../../core/i18n.js';
import { useSession } from '../../core/session.js';
import { PageHeader } from '../../ui/page-header.js';
import { DutyRatesSection } from './duty-rates.js';
import { CustomsRulesSection } from './customs-rules.js';
import { LandedCostPreview } from './landed-cost-preview.js';

/** Duty tables, customs rules per destination and a landed-cost calculator. */
export default function DutyPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const canWrite = can('tax:write');
  return (
    <>
      <PageHeader title={t('tax.admin.dutyPageTitle')} subtitle={t('tax.admin.dutyPageSubtitle')} />
      <div className="stack">
        <LandedCostPreview />
        <DutyRatesSection canWrite={canWrite} />
        <CustomsRulesSection canWrite={canWrite} />
      </div>
    </>
  );
}
