import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { Link, type Params } from '../../core/router.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Alert, Kv, Spinner } from '../../ui/misc.js';
import { DataTable } from '../../ui/data-table.js';
import { errorText } from '../../ui/form.js';

interface Detail {
  customer: { id: string; kind: string; companyName: string | null; country: string | null; tier: string | null; paymentTermsDays: number | null; creditLimitMinor: number | null; creditCurrency: string | null; vatId: string | null; status: string };
  users: { id: string; email: string; name: string; role: string; status: string; twoFactor: boolean }[];
  addresses: { id: string; kind: string; label: string | null; name: string; line1: string; city: string; postcode: string | null; country: string; isDefault: boolean }[];
}

/** One customer: company facts, users with roles, the address book, its applications and own price lists. */
export default function CustomerPage({ params }: { params: Params }) {
  const { t } = useI18n();
  const d = useResource(() => api.get<Detail>(`/api/admin/customers/${encodeURIComponent(params.id!)}`), [params.id]);
  const apps = useResource(() => api.get<{ items: { id: string; customerId: string; status: string; submittedAt: string }[] }>('/api/admin/kyc/applications'), []);
  const lists = useResource(() => api.get<{ items: { id: string; name: string; currency: string }[] }>('/api/admin/pricing/lists', { kind: 'customer', customerId: params.id }), [params.id]);
  if (d.loading && !d.data) return <Spinner />;
  if (d.error || !d.data) return <Alert tone="error">{errorText(d.error, t)}</Alert>;
  const c = d.data.customer;
  const mine = (apps.data?.items ?? []).filter((a) => a.customerId === c.id);
  return (
    <>
      <PageHeader title={c.companyName ?? c.id} subtitle={c.tier ? <Badge tone="blue">{t('customers.bo.tierValue', { tier: c.tier })}</Badge> : t(`customers.bo.kind.${c.kind}`)} />
      <Section title={t('customers.bo.details')}>
        <Kv items={[
          [t('customers.bo.kind'), t(`customers.bo.kind.${c.kind}`)],
          [t('customers.bo.country'), c.country ?? '—'],
          [t('customers.bo.vat'), c.vatId ?? '—'],
          [t('customers.bo.terms'), c.paymentTermsDays ?? '—'],
          [t('customers.bo.creditLimit'), c.creditLimitMinor !== null ? `${c.creditLimitMinor} (minor units) ${c.creditCurrency ?? ''}` : '—'],
          [t('customers.bo.status'), c.status],
        ]} />
        {mine.length > 0 && <p>{mine.map((a) => <Link key={a.id} to={`/kyc/${a.id}`}>{t('customers.bo.openApplication', { status: t(`customers.bo.status.${a.status}`) })}</Link>)}</p>}
      </Section>
      <Section title={t('customers.bo.users')}>
        <DataTable rows={d.data.users} rowKey={(u) => u.id} testId="customer-users" columns={[
          { key: 'name', header: t('customers.bo.contact'), render: (u) => `${u.name} <${u.email}>` },
          { key: 'role', header: t('customers.bo.role'), render: (u) => t(`customers.bo.role.${u.role}`) },
          { key: 'status', header: t('customers.bo.status'), render: (u) => u.status },
          { key: '2fa', header: '2FA', render: (u) => (u.twoFactor ? '✓' : '—') },
        ]} />
      </Section>
      <Section title={t('customers.bo.addresses')}>
        <DataTable rows={d.data.addresses} rowKey={(a) => a.id} empty={t('customers.bo.noAddresses')} columns={[
          { key: 'kind', header: t('customers.bo.kind'), render: (a) => `${t(`customers.bo.addressKind.${a.kind}`)}${a.isDefault ? ' ★' : ''}` },
          { key: 'label', header: t('customers.bo.label'), render: (a) => a.label ?? '—' },
          { key: 'address', header: t('customers.bo.address'), render: (a) => [a.name, a.line1, [a.postcode, a.city].filter(Boolean).join(' '), a.country].join(', ') },
        ]} />
      </Section>
      <Section title={t('customers.bo.priceLists')} actions={<Link className="btn btn-sm" to={`/pricing/lists?customerId=${encodeURIComponent(c.id)}`}>{t('customers.bo.addPriceList')}</Link>}>
        {(lists.data?.items ?? []).length ? <ul>{lists.data!.items.map((l) => <li key={l.id}><Link to={`/pricing/lists/${l.id}`}>{l.name}</Link> ({l.currency})</li>)}</ul> : <p className="muted">{t('customers.bo.noPriceLists')}</p>}
      </Section>
    </>
  );
}
