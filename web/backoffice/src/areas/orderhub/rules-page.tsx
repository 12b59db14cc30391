import type { Translate } from '../../../../shared/i18n/runtime.js';
import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { useSession } from '../../core/session.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { errorText, SelectField, TextField } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { OUTCOME_TONE } from './inbox-page.js';

type Cond = { type: string; [k: string]: unknown };
interface Rule {
  id?: string;
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: Cond[];
  actions: Cond[];
}
interface DryRun {
  total: number;
  changed: number;
  orders: { orderId: string; before: string | null; after: string; changed: boolean; rule: number | null; explanations: string[] }[];
}

/** Parameters each condition/action takes, and how to edit them. */
const COND_PARAMS: Record<string, string[]> = {
  amount_above: ['amount', 'currency'], amount_below: ['amount', 'currency'], first_order: [], customer_tier_in: ['tiers'], country_in: ['countries'],
  country_not_in: ['countries'], ship_to_known: [], payment_method_in: ['methods'], payment_terms_in: ['terms'], channel_in: ['channels'],
  stock_short: [], totals_mismatch: [], mixed_currency: [], unmapped_sku: [],
};
const ACTION_PARAMS: Record<string, string[]> = {
  approve: [], hold: ['reason'], review: ['assignRole'], second_approval_above: ['amount', 'currency'], notify_purchasing: [], tag: ['tag'],
};
const LISTS = new Set(['tiers', 'countries', 'methods', 'terms', 'channels']);

function defaults(type: string, params: string[]): Cond {
  const c: Cond = { type };
  for (const p of params) c[p] = LISTS.has(p) ? [] : p === 'amount' ? 0 : p === 'currency' ? 'USD' : p === 'reason' ? 'check' : p === 'assignRole' ? 'sales' : '';
  return c;
}

/** Plain-language sentence of a condition or action from the i18n catalog. */
function sentence(t: Translate, prefix: 'cond' | 'action', c: Cond) {
  const p: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(c)) p[k === 'assignRole' ? 'assignee' : k] = Array.isArray(v) ? v.join(', ') : k === 'amount' ? (Number(v) / 100).toFixed(2) : String(v);
  return t(`rules.${prefix}.${c.type}`, p);
}

/**
 * The review rules, edited in plain language ("when … then …"), in evaluation order. A dry run
 * over the last N reviewed orders shows what the edited set would change before it is saved.
 */
export default function RulesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const toast = useToast();
  const res = useResource(() => api.get<{ items: Rule[] }>('/api/admin/rules'), []);
  const [rules, setRules] = useState<Rule[]>([]);
  const [dry, setDry] = useState<DryRun | null>(null);
  const [lastN, setLastN] = useState('100');
  const [busy, setBusy] = useState(false);
  const editable = can('rules:manage');
  useEffect(() => {
    if (res.data) setRules(res.data.items.map(({ id, name, enabled, match, conditions, actions }) => ({ id, name, enabled, match, conditions, actions })));
  }, [res.data]);

  const update = (i: number, patch: Partial<Rule>) => {
    setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setDry(null);
  };
  const move = (i: number, d: -1 | 1) => {
    setRules((rs) => {
      const n = [...rs];
      const [x] = n.splice(i, 1);
      n.splice(Math.max(0, Math.min(n.length, i + d)), 0, x!);
      return n;
    });
    setDry(null);
  };
  const runDry = async () => {
    setBusy(true);
    try {
      setDry(await api.post<DryRun>('/api/admin/rules/dry-run', { rules, lastN: Number(lastN) || 100 }));
    } catch (e) {
      toast.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    setBusy(true);
    try {
      await api.put('/api/admin/rules', { rules });
      toast.success(t('channels.ui.rules.saved'));
      setDry(null);
      await res.reload();
    } catch (e) {
      toast.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('channels.ui.rules.title')}
        subtitle={t('channels.ui.rules.subtitle')}
        actions={
          editable ? (
            <>
              <TextField label={t('channels.ui.rules.lastN')} value={lastN} onChange={setLastN} inputMode="numeric" style={{ width: 80 }} />
              <Button busy={busy} onClick={() => void runDry()} data-testid="rules-dry-run">{t('channels.ui.rules.dryRun')}</Button>
              <Button variant="primary" busy={busy} disabled={!dry} title={dry ? undefined : t('channels.ui.rules.dryRunFirst')} onClick={() => void save()} data-testid="rules-save">{t('backoffice.common.save')}</Button>
            </>
          ) : undefined
        }
      />
      {res.error ? <p style={{ color: 'var(--danger)' }}>{errorText(res.error, t)}</p> : null}
      {rules.map((r, i) => (
        <Section key={r.id ?? `new-${i}`} title={`${i + 1}. ${r.name}`} actions={editable ? (
          <div className="row" style={{ gap: 4 }}>
            <Button size="sm" disabled={i === 0} onClick={() => move(i, -1)}>↑</Button>
            <Button size="sm" disabled={i === rules.length - 1} onClick={() => move(i, 1)}>↓</Button>
            <Button size="sm" onClick={() => { setRules((rs) => rs.filter((_, j) => j !== i)); setDry(null); }}>{t('channels.ui.rules.remove')}</Button>
          </div>
        ) : undefined}>
          <div data-testid={`rule-${i + 1}`}>
            <p>
              <strong>{t('channels.ui.rules.when')}</strong>{' '}
              {r.conditions.length ? r.conditions.map((c) => sentence(t, 'cond', c)).join(r.match === 'all' ? ` ${t('channels.ui.rules.and')} ` : ` ${t('channels.ui.rules.or')} `) : t('channels.ui.rules.always')}{' '}
              <strong>{t('channels.ui.rules.then')}</strong> {r.actions.map((a) => sentence(t, 'action', a)).join(', ')}
              {!r.enabled ? <> <Badge>{t('channels.ui.rules.disabled')}</Badge></> : null}
            </p>
            {editable ? <RuleEditor rule={r} onChange={(p) => update(i, p)} t={t} /> : null}
          </div>
        </Section>
      ))}
      {editable ? <Button icon="plus" onClick={() => { setRules((rs) => [...rs, { name: t('channels.ui.rules.newRule'), enabled: true, match: 'all', conditions: [], actions: [{ type: 'review', assignRole: 'sales' }] }]); setDry(null); }}>{t('channels.ui.rules.add')}</Button> : null}
      {dry ? (
        <Section title={t('channels.ui.rules.dryResult', { changed: dry.changed, total: dry.total })}>
          <table className="table" data-testid="rules-dry-table">
            <thead><tr><th>{t('channels.ui.col.order')}</th><th>{t('channels.ui.rules.before')}</th><th>{t('channels.ui.rules.after')}</th><th>{t('channels.ui.col.why')}</th></tr></thead>
            <tbody>
              {dry.orders.filter((o) => o.changed).map((o) => (
                <tr key={o.orderId}><td className="mono">{o.orderId}</td><td>{o.before ? <Badge tone={OUTCOME_TONE[o.before]}>{t(`channels.ui.outcome.${o.before}`)}</Badge> : '—'}</td><td><Badge tone={OUTCOME_TONE[o.after]}>{t(`channels.ui.outcome.${o.after}`)}</Badge></td><td>{o.explanations.join(' ')}</td></tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
    </>
  );
}

function RuleEditor({ rule, onChange, t }: { rule: Rule; onChange: (p: Partial<Rule>) => void; t: Translate }) {
  const [addCond, setAddCond] = useState('stock_short');
  const [addAction, setAddAction] = useState('hold');
  const edit = (list: 'conditions' | 'actions', i: number, key: string, raw: string) => {
    const v = LISTS.has(key) ? raw.split(',').map((s) => s.trim()).filter(Boolean) : key === 'amount' ? Math.round(Number(raw) * 100) : raw;
    onChange({ [list]: rule[list].map((c, j) => (j === i ? { ...c, [key]: v } : c)) } as Partial<Rule>);
  };
  const row = (list: 'conditions' | 'actions', c: Cond, i: number, params: string[]) => (
    <div key={i} className="row" style={{ gap: 6, alignItems: 'end' }}>
      <code>{c.type}</code>
      {params.map((p) => (
        <TextField key={p} label={p} value={Array.isArray(c[p]) ? (c[p] as string[]).join(', ') : p === 'amount' ? String(Number(c[p] ?? 0) / 100) : String(c[p] ?? '')} onChange={(v) => edit(list, i, p, v)} />
      ))}
      <Button size="sm" onClick={() => onChange({ [list]: rule[list].filter((_, j) => j !== i) } as Partial<Rule>)}>×</Button>
    </div>
  );
  return (
    <div className="stack" style={{ gap: 6 }}>
      <div className="row" style={{ gap: 8 }}>
        <TextField label={t('channels.ui.rules.name')} value={rule.name} onChange={(name) => onChange({ name })} />
        <SelectField label={t('channels.ui.rules.match')} value={rule.match} onChange={(m) => onChange({ match: m as 'all' | 'any' })} options={[{ value: 'all', label: t('channels.ui.rules.matchAll') }, { value: 'any', label: t('channels.ui.rules.matchAny') }]} />
        <label className="row" style={{ gap: 4 }}><input type="checkbox" checked={rule.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} /> {t('channels.ui.rules.enabled')}</label>
      </div>
      {rule.conditions.map((c, i) => row('conditions', c, i, COND_PARAMS[c.type] ?? []))}
      <div className="row" style={{ gap: 6, alignItems: 'end' }}>
        <SelectField label={t('channels.ui.rules.addCondition')} value={addCond} onChange={setAddCond} options={Object.keys(COND_PARAMS).map((k) => ({ value: k, label: t(`rules.cond.${k}`, { amount: '…', currency: '', tiers: '…', countries: '…', methods: '…', terms: '…', channels: '…' }) }))} />
        <Button size="sm" onClick={() => onChange({ conditions: [...rule.conditions, defaults(addCond, COND_PARAMS[addCond]!)] })}>+</Button>
      </div>
      {rule.actions.map((a, i) => row('actions', a, i, ACTION_PARAMS[a.type] ?? []))}
      <div className="row" style={{ gap: 6, alignItems: 'end' }}>
        <SelectField label={t('channels.ui.rules.addAction')} value={addAction} onChange={setAddAction} options={Object.keys(ACTION_PARAMS).map((k) => ({ value: k, label: t(`rules.action.${k}`, { reason: '…', assignee: '…', amount: '…', currency: '', tag: '…' }) }))} />
        <Button size="sm" onClick={() => onChange({ actions: [...rule.actions, defaults(addAction, ACTION_PARAMS[addAction]!)] })}>+</Button>
      </div>
    </div>
  );
}
