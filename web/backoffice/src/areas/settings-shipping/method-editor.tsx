import { useState } from 'react';
import { api } from '../../core/api.js';
import { useI18n } from '../../core/i18n.js';
import { Dialog } from '../../ui/dialog.js';
import { FormError, SelectField, TextAreaField, TextField, useForm } from '../../ui/form.js';
import { Button } from '../../ui/misc.js';
import { toMajor, toMinor } from '../settings-tax/money.js';
import type { Method, Zone, ZoneRate } from './types.js';

/** "0.5" kg → 500 g exactly (no float). */
export function kgToGrams(s: string): number | undefined {
  const m = /^\s*(\d+)(?:[.,](\d{1,3}))?\s*$/.exec(s);
  return m ? Number(m[1]!) * 1000 + Number((m[2] ?? '').padEnd(3, '0')) : undefined;
}
const gramsToKg = (g: number) => String(g / 1000);

interface RateDraft {
  zoneId: string;
  brackets: string;
  extraKg: string;
  extraAmount: string;
  fee: string;
  freeOver: string;
  min: string;
  max: string;
}

const toDraft = (r: ZoneRate, cur: string): RateDraft => ({
  zoneId: r.zoneId,
  brackets: r.brackets.map((b) => `${gramsToKg(b.upToGrams)} = ${toMajor(b.amount, cur)}`).join('\n'),
  extraKg: r.extra ? gramsToKg(r.extra.stepGrams) : '',
  extraAmount: r.extra ? toMajor(r.extra.amount, cur) : '',
  fee: r.perOrderFee ? toMajor(r.perOrderFee, cur) : '',
  freeOver: r.freeOver !== null && r.freeOver !== undefined ? toMajor(r.freeOver, cur) : '',
  min: String(r.transitDays.min),
  max: String(r.transitDays.max),
});

/** Create or edit a method: service data plus, per zone, brackets written as "kg = price" lines. */
export function MethodEditor({ method, zones, onClose, onSaved }: { method?: Method; zones: Zone[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useForm(['code', 'name', 'carrier', 'mode', 'currency', 'dimFactor', 'processingDays', 'customerTiers']);
  const [m, setM] = useState({
    code: method?.code ?? '', name: method?.name ?? '', carrier: method?.carrier ?? '', mode: method?.mode ?? 'express', currency: method?.currency ?? 'EUR',
    dimFactor: String(method?.dimFactor ?? 5000), processingDays: String(method?.processingDays ?? 1), tiers: method?.customerTiers?.join(' ') ?? '',
    active: method?.active ?? true, sortOrder: String(method?.sortOrder ?? 0),
  });
  const [rates, setRates] = useState<RateDraft[]>((method?.rates ?? []).map((r) => toDraft(r, method!.currency)));
  const set = (k: keyof typeof m) => (v: string) => setM((x) => ({ ...x, [k]: v }));

  const save = form.submit(async () => {
    const cur = m.currency.toUpperCase();
    const bad = (msg: string) => {
      throw new Error(msg);
    };
    const money = (s: string, what: string) => (s.trim() === '' ? undefined : toMinor(s, cur) ?? bad(t('shipping.admin.badAmount', { what })));
    const body = {
      code: m.code, name: m.name, carrier: m.carrier, mode: m.mode, currency: cur, dimFactor: Number(m.dimFactor), processingDays: Number(m.processingDays),
      customerTiers: m.tiers.trim() ? m.tiers.split(/[\s,]+/).filter(Boolean) : null, active: m.active, sortOrder: Number(m.sortOrder) || 0,
      rates: rates.map((r, i) => {
        const brackets = r.brackets.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
          const [kg, price] = line.split(/\s*[=:]\s*/);
          const upToGrams = kgToGrams((kg ?? '').replace(/kg$/i, ''));
          const amount = toMinor(price ?? '', cur);
          if (upToGrams === undefined || amount === undefined) bad(t('shipping.admin.badBracket', { zone: i + 1, line }));
          return { upToGrams: upToGrams!, amount: amount! };
        });
        const stepGrams = r.extraKg ? kgToGrams(r.extraKg) : undefined;
        const extraAmount = money(r.extraAmount, t('shipping.admin.extraPrice'));
        return {
          zoneId: r.zoneId, brackets,
          extra: stepGrams !== undefined && extraAmount !== undefined ? { stepGrams, amount: extraAmount } : null,
          perOrderFee: money(r.fee, t('shipping.admin.perOrderFee')) ?? 0,
          freeOver: money(r.freeOver, t('shipping.admin.freeOver')) ?? null,
          transitDays: { min: Number(r.min), max: Number(r.max) },
        };
      }),
    };
    if (method) await api.put(`/api/admin/shipping/methods/${method.id}`, body);
    else await api.post('/api/admin/shipping/methods', body);
    onSaved();
  });

  const unusedZones = zones.filter((z) => !rates.some((r) => r.zoneId === z.id));
  return (
    <Dialog open wide title={method ? t('shipping.admin.editMethod') : t('shipping.admin.addMethod')} onClose={onClose} footer={<Button variant="primary" busy={form.busy} onClick={() => void save()}>{t('backoffice.common.save')}</Button>}>
      <form onSubmit={save} className="stack" data-testid="method-form">
        <FormError message={form.formError} />
        <div className="grid-3">
          <TextField label={t('shipping.admin.code')} value={m.code} onChange={set('code')} error={form.error('code')} />
          <TextField label={t('shipping.admin.name')} value={m.name} onChange={set('name')} error={form.error('name')} />
          <TextField label={t('shipping.admin.carrier')} value={m.carrier} onChange={set('carrier')} error={form.error('carrier')} />
          <SelectField label={t('shipping.admin.mode')} value={m.mode} onChange={set('mode')} options={['express', 'air', 'sea', 'road', 'rail', 'post'].map((x) => ({ value: x, label: t(`shipping.mode.${x}`) }))} />
          <TextField label={t('shipping.admin.currency')} value={m.currency} onChange={set('currency')} error={form.error('currency')} maxLength={3} />
          <TextField label={t('shipping.admin.dimFactor')} value={m.dimFactor} onChange={set('dimFactor')} error={form.error('dimFactor')} hint={t('shipping.admin.dimFactorHint')} />
          <TextField label={t('shipping.admin.processingDays')} value={m.processingDays} onChange={set('processingDays')} error={form.error('processingDays')} />
          <TextField label={t('shipping.admin.tiers')} value={m.tiers} onChange={set('tiers')} error={form.error('customerTiers')} hint={t('shipping.admin.tiersHint')} />
          <SelectField label={t('shipping.admin.active')} value={m.active ? 'yes' : 'no'} onChange={(v) => setM((x) => ({ ...x, active: v === 'yes' }))} options={[{ value: 'yes', label: t('shipping.admin.yes') }, { value: 'no', label: t('shipping.admin.no') }]} />
        </div>
        {rates.map((r, i) => {
          const setR = (k: keyof RateDraft) => (v: string) => setRates((x) => x.map((y, j) => (j === i ? { ...y, [k]: v } : y)));
          const zone = zones.find((z) => z.id === r.zoneId);
          return (
            <fieldset key={r.zoneId} className="card" data-testid={`rate-${zone?.code ?? r.zoneId}`}>
              <div className="card-body stack">
                <div className="spread">
                  <strong>{zone ? `${zone.name} (${zone.code})` : r.zoneId}</strong>
                  <Button size="sm" variant="ghost" icon="x" onClick={() => setRates((x) => x.filter((_, j) => j !== i))}>{t('shipping.admin.remove')}</Button>
                </div>
                <div className="grid-2">
                  <TextAreaField label={t('shipping.admin.brackets')} rows={6} value={r.brackets} onChange={setR('brackets')} error={form.error(`rates.${i}.brackets`) ?? form.error(`rates.${i}.brackets.1.upToGrams`)} hint={t('shipping.admin.bracketsHint')} spellCheck={false} />
                  <div className="grid-2">
                    <TextField label={t('shipping.admin.extraStepKg')} value={r.extraKg} onChange={setR('extraKg')} />
                    <TextField label={t('shipping.admin.extraPrice')} value={r.extraAmount} onChange={setR('extraAmount')} />
                    <TextField label={t('shipping.admin.perOrderFee')} value={r.fee} onChange={setR('fee')} />
                    <TextField label={t('shipping.admin.freeOver')} value={r.freeOver} onChange={setR('freeOver')} />
                    <TextField label={t('shipping.admin.transitMin')} value={r.min} onChange={setR('min')} error={form.error(`rates.${i}.transitDays`)} />
                    <TextField label={t('shipping.admin.transitMax')} value={r.max} onChange={setR('max')} />
                  </div>
                </div>
              </div>
            </fieldset>
          );
        })}
        {unusedZones.length ? (
          <SelectField
            label={t('shipping.admin.addZoneRates')}
            value=""
            onChange={(zoneId) => zoneId && setRates((x) => [...x, { zoneId, brackets: '', extraKg: '', extraAmount: '', fee: '', freeOver: '', min: '1', max: '3' }])}
            options={[{ value: '', label: '—' }, ...unusedZones.map((z) => ({ value: z.id, label: `${z.name} (${z.code})` }))]}
          />
        ) : null}
      </form>
    </Dialog>
  );
}
