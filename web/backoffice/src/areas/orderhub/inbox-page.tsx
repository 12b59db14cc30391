import type { Translate } from '../../../../shared/i18n/runtime.js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useCursorPages, useResource } from '../../core/hooks.js';
import { api } from '../../core/api.js';
import { navigate, Link } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { formatDateTime } from '../../../../shared/format.js';
import { PageHeader } from '../../ui/page-header.js';
import { Badge, type Tone } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { errorText, SelectField, TextField } from '../../ui/form.js';
import { Dialog } from '../../ui/dialog.js';
import { useToast } from '../../ui/toast.js';
import { hubApi, money, VIEWS, type BulkAction, type OrderRow, type ReviewDecision, type ViewId } from './api.js';

export const OUTCOME_TONE: Record<string, Tone> = { approved: 'green', held: 'red', review: 'amber' };
const STATUS_TONE: Record<string, Tone> = { placed: 'blue', in_review: 'amber', on_hold: 'red', approved: 'green', cancelled: 'neutral', shipped: 'violet' };

/**
 * One inbox for every channel: saved views, channel filter, search, multi-select with bulk
 * approve / hold / assign, and keyboard shortcuts (j/k move, x select, Enter open, a approve,
 * h hold, / search, ? help). Each row links to the order's own URL.
 */
export default function InboxPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const toast = useToast();
  const [view, setView] = useState<ViewId>(() => (new URLSearchParams(location.search).get('view') as ViewId) || 'review');
  const [channel, setChannel] = useState('');
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState(0);
  const [holdOpen, setHoldOpen] = useState(false);
  const [holdReason, setHoldReason] = useState('');
  const [assignRole, setAssignRole] = useState('sales');
  const [showHelp, setShowHelp] = useState(false);
  const [busy, setBusy] = useState(false);

  const pages = useCursorPages(
    (c) => hubApi.orders({ status: VIEWS[view].status || undefined, channel: channel || undefined, q: applied || undefined, cursor: c }),
    [view, channel, applied],
  );
  const rows = useMemo(() => (view === 'mismatch' ? pages.items.filter((o) => o.totalsMismatch) : pages.items), [pages.items, view]);
  const states = useResource<{ items: Record<string, ReviewDecision> }>(() => hubApi.states(rows.map((r) => r.id)), [rows.map((r) => r.id).join(',')]);

  useEffect(() => {
    setSelected(new Set());
    setCursor(0);
  }, [view, channel, applied, pages.page]);

  const targets = useCallback(() => (selected.size ? [...selected] : rows[cursor] ? [rows[cursor]!.id] : []), [selected, rows, cursor]);

  const act = useCallback(
    async (action: BulkAction) => {
      const ids = targets();
      if (!ids.length) return;
      setBusy(true);
      try {
        const r = await hubApi.bulk(ids, action);
        const failed = r.results.filter((x) => !x.ok);
        if (failed.length) toast.error(failed.map((f) => `${f.orderId}: ${f.message}`).join('\n'));
        else toast.success(t('channels.ui.inbox.done', { count: ids.length }));
        setSelected(new Set());
        await pages.reload();
      } catch (e) {
        toast.error(errorText(e, t));
      } finally {
        setBusy(false);
      }
    },
    [targets, toast, t, pages],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const row = rows[cursor];
      switch (e.key) {
        case 'j':
          setCursor((c) => Math.min(c + 1, rows.length - 1));
          break;
        case 'k':
          setCursor((c) => Math.max(c - 1, 0));
          break;
        case 'x':
          if (row) setSelected((s) => toggle(s, row.id));
          break;
        case 'Enter':
        case 'o':
          if (row) navigate(`/orderhub/orders/${row.id}`);
          break;
        case 'a':
          if (can('orders:approve')) void act({ type: 'approve' });
          break;
        case 'h':
          if (can('orders:approve')) setHoldOpen(true);
          break;
        case '/':
          e.preventDefault();
          document.getElementById('inbox-search')?.focus();
          break;
        case '?':
          setShowHelp((v) => !v);
          break;
        default:
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, cursor, act, can]);

  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <>
      <PageHeader
        title={t('channels.ui.inbox.title')}
        subtitle={t('channels.ui.inbox.subtitle')}
        actions={
          <>
            <Button onClick={() => setShowHelp(true)}>{t('channels.ui.inbox.shortcuts')}</Button>
            <Button icon="refresh" onClick={() => void pages.reload()}>{t('backoffice.common.refresh')}</Button>
          </>
        }
      />
      <div className="row" role="tablist" style={{ marginBottom: 12, gap: 8 }}>
        {(Object.keys(VIEWS) as ViewId[]).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className={`stat${view === v ? ' active' : ''}`} data-testid={`inbox-view-${v}`} onClick={() => { setView(v); history.replaceState(null, '', `?view=${v}`); }}>
            <div className="stat-label">{t(`channels.ui.view.${v}`)}</div>
          </button>
        ))}
      </div>
      <form className="filters" onSubmit={(e) => { e.preventDefault(); setApplied(search.trim()); }}>
        <TextField id="inbox-search" label={t('channels.ui.inbox.search')} value={search} onChange={setSearch} placeholder="AMZ-10001, buyer@example.com" />
        <SelectField
          label={t('channels.ui.inbox.channel')}
          value={channel}
          onChange={setChannel}
          options={[{ value: '', label: t('channels.ui.inbox.allChannels') }, ...['storefront', 'amazon', 'shopify', 'alibaba', 'erp'].map((c) => ({ value: c, label: t(`channels.ui.kind.${c}`) }))]}
        />
        <Button type="submit">{t('backoffice.common.apply')}</Button>
      </form>
      {can('orders:approve') ? (
        <div className="row" style={{ gap: 8, margin: '8px 0' }} data-testid="inbox-bulk">
          <span className="muted">{t('channels.ui.inbox.selected', { count: selected.size })}</span>
          <Button variant="primary" busy={busy} disabled={!targets().length} onClick={() => void act({ type: 'approve' })}>{t('channels.ui.action.approve')} (a)</Button>
          <Button busy={busy} disabled={!targets().length} onClick={() => setHoldOpen(true)}>{t('channels.ui.action.hold')} (h)</Button>
          <SelectField label={t('channels.ui.action.assignTo')} value={assignRole} onChange={setAssignRole} options={['sales', 'finance', 'warehouse', 'purchasing', 'owner'].map((r) => ({ value: r, label: r }))} />
          <Button busy={busy} disabled={!targets().length} onClick={() => void act({ type: 'assign', role: assignRole })}>{t('channels.ui.action.assign')}</Button>
        </div>
      ) : null}
      <div className="table-wrap" data-testid="inbox-table">
        <table className={`table${pages.loading ? ' table-loading' : ''}`}>
          <thead>
            <tr>
              <th style={{ width: 32 }}>
                <input type="checkbox" aria-label={t('channels.ui.inbox.selectAll')} checked={allChecked} onChange={() => setSelected(allChecked ? new Set() : new Set(rows.map((r) => r.id)))} />
              </th>
              <th>{t('channels.ui.col.order')}</th>
              <th>{t('channels.ui.col.channel')}</th>
              <th>{t('channels.ui.col.customer')}</th>
              <th style={{ textAlign: 'right' }}>{t('channels.ui.col.total')}</th>
              <th>{t('channels.ui.col.status')}</th>
              <th>{t('channels.ui.col.why')}</th>
              <th>{t('channels.ui.col.placed')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.error ? (
              <tr><td colSpan={8} style={{ color: 'var(--danger)' }}>{errorText(pages.error, t)}</td></tr>
            ) : rows.length === 0 && !pages.loading ? (
              <tr><td colSpan={8} className="muted">{t('channels.ui.inbox.empty')}</td></tr>
            ) : (
              rows.map((o, i) => <InboxRow key={o.id} o={o} active={i === cursor} checked={selected.has(o.id)} onCheck={() => setSelected((s) => toggle(s, o.id))} state={states.data?.items[o.id]} locale={locale} t={t} />)
            )}
          </tbody>
        </table>
      </div>
      <div className="row" style={{ gap: 8, marginTop: 8 }}>
        <Button disabled={!pages.hasPrev} onClick={pages.prev}>‹</Button>
        <span className="muted">{pages.page}</span>
        <Button disabled={!pages.hasNext} onClick={pages.next}>›</Button>
      </div>
      <Dialog open={holdOpen} title={t('channels.ui.action.hold')} onClose={() => setHoldOpen(false)}>
        <form onSubmit={(e) => { e.preventDefault(); setHoldOpen(false); void act({ type: 'hold', reason: holdReason }); }}>
          <TextField label={t('channels.ui.action.holdReason')} value={holdReason} onChange={setHoldReason} required autoFocus />
          <Button type="submit" variant="primary" disabled={!holdReason.trim()}>{t('channels.ui.action.hold')}</Button>
        </form>
      </Dialog>
      <Dialog open={showHelp} title={t('channels.ui.inbox.shortcuts')} onClose={() => setShowHelp(false)}>
        <ul data-testid="inbox-shortcuts">
          {['j', 'k', 'x', 'Enter', 'a', 'h', '/', '?'].map((k) => (
            <li key={k}><kbd>{k}</kbd> {t(`channels.ui.key.${k === 'Enter' ? 'enter' : k === '/' ? 'slash' : k === '?' ? 'help' : k}`)}</li>
          ))}
        </ul>
      </Dialog>
    </>
  );
}

function toggle(s: Set<string>, id: string): Set<string> {
  const n = new Set(s);
  if (n.has(id)) n.delete(id);
  else n.add(id);
  return n;
}

function InboxRow({ o, active, checked, onCheck, state, locale, t }: { o: OrderRow; active: boolean; checked: boolean; onCheck: () => void; state?: { outcome: string; explanations: { text: string }[] }; locale: string; t: Translate }) {
  return (
    <tr className={active ? 'row-active' : undefined} style={active ? { outline: '2px solid var(--accent, #3b82f6)' } : undefined} data-testid={`inbox-row-${o.number}`}>
      <td><input type="checkbox" aria-label={o.number} checked={checked} onChange={onCheck} /></td>
      <td><Link to={`/orderhub/orders/${o.id}`}>{o.number}</Link>{o.externalId ? <div className="muted mono">{o.externalId}</div> : null}</td>
      <td>{t(`channels.ui.kind.${o.channel}`)}</td>
      <td>{o.customerName ?? o.customerEmail ?? '—'}{o.companyName ? <div className="muted">{o.companyName}</div> : null}</td>
      <td style={{ textAlign: 'right' }} className="nowrap">{money(o.grandTotal, o.currency, locale)}{o.totalsMismatch ? <div><Badge tone="amber">{t('channels.ui.flag.totals_mismatch')}</Badge></div> : null}</td>
      <td><Badge tone={STATUS_TONE[o.status] ?? 'neutral'}>{t(`channels.ui.status.${o.status}`)}</Badge></td>
      <td className="truncate" title={state?.explanations.map((e) => e.text).join(' ')}>{state ? state.explanations[0]?.text : '—'}</td>
      <td className="nowrap">{formatDateTime(o.placedAt, locale)}</td>
    </tr>
  );
}
