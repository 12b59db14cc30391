import { useState, type ReactElement } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { useSession } from '../../core/session.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { Dialog } from '../../ui/dialog.js';
import { errorText, FormError, SelectField, TextAreaField, TextField, useForm } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { catalogApi, STORE_LOCALES, type Attribute, type Category, type Labels } from './api.js';

/** Category tree and attribute definitions (the storefront's filters), each with texts per language. */
export default function TaxonomyPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const toast = useToast();
  const cats = useResource(() => catalogApi.categories(), []);
  const attrs = useResource(() => catalogApi.attributes(), []);
  const [editCat, setEditCat] = useState<Partial<Category> | null>(null);
  const [editAttr, setEditAttr] = useState<Partial<Attribute> | null>(null);
  const all = cats.data?.items ?? [];
  const nameOf = (c: Category) => c.texts.en?.name ?? Object.values(c.texts)[0]?.name ?? c.id;
  const tree = (parent: string | null, depth: number): ReactElement[] =>
    all.filter((c) => c.parentId === parent).flatMap((c) => [
      <li key={c.id} style={{ paddingInlineStart: depth * 20 }} className="row">
        <strong>{nameOf(c)}</strong>
        <span className="muted mono">{Object.keys(c.texts).join(' ')}</span>
        {c.featured ? <Badge tone="blue">{t('catalog.admin.product.featured')}</Badge> : null}
        {can('catalog:write') ? <Button size="sm" onClick={() => setEditCat(c)}>{t('catalog.admin.common.edit')}</Button> : null}
      </li>,
      ...tree(c.id, depth + 1),
    ]);
  const remove = async (fn: () => Promise<unknown>, reload: () => Promise<void>) => {
    try {
      await fn();
      await reload();
    } catch (e) {
      toast.error(errorText(e, t));
    }
  };
  return (
    <>
      <PageHeader title={t('catalog.admin.nav.taxonomy')} subtitle={t('catalog.admin.nav.taxonomyDescription')} />
      <Section title={t('catalog.admin.taxonomy.categories')} actions={can('catalog:write') ? <Button icon="plus" onClick={() => setEditCat({ texts: {} as Category['texts'], parentId: null, position: 0, featured: false })} data-testid="new-category">{t('catalog.admin.common.add')}</Button> : null}>
        <ul className="stack" data-testid="category-tree">{tree(null, 0)}</ul>
      </Section>
      <Section title={t('catalog.admin.taxonomy.attributes')} description={t('catalog.admin.taxonomy.attributesHelp')} actions={can('catalog:write') ? <Button icon="plus" onClick={() => setEditAttr({ kind: 'single', labels: {}, options: [], filterable: true, position: 0 })} data-testid="new-attribute">{t('catalog.admin.common.add')}</Button> : null}>
        <table className="table" data-testid="attributes-table">
          <thead><tr><th>{t('catalog.admin.taxonomy.code')}</th><th>{t('catalog.admin.taxonomy.label')}</th><th>{t('catalog.admin.taxonomy.kind')}</th><th>{t('catalog.admin.taxonomy.values')}</th><th /></tr></thead>
          <tbody>{(attrs.data?.items ?? []).map((a) => (
            <tr key={a.id}><td className="mono">{a.code}</td><td>{a.labels.en ?? Object.values(a.labels)[0]}</td><td>{t(`catalog.admin.kind.${a.kind}`)}{a.unit ? ` (${a.unit})` : ''}</td>
              <td>{a.options.map((o) => o.labels.en ?? o.code).join(', ')}</td>
              <td>{can('catalog:write') ? <><Button size="sm" onClick={() => setEditAttr(a)}>{t('catalog.admin.common.edit')}</Button> <Button size="sm" variant="danger" onClick={() => void remove(() => catalogApi.deleteAttribute(a.id), attrs.reload)}>{t('catalog.admin.common.delete')}</Button></> : null}</td></tr>
          ))}</tbody>
        </table>
      </Section>
      {editCat ? <CategoryDialog cat={editCat} all={all} onClose={() => setEditCat(null)} onSaved={() => { setEditCat(null); void cats.reload(); }} onDelete={editCat.id ? () => remove(() => catalogApi.deleteCategory(editCat.id!), cats.reload).then(() => setEditCat(null)) : undefined} /> : null}
      {editAttr ? <AttributeDialog attr={editAttr} onClose={() => setEditAttr(null)} onSaved={() => { setEditAttr(null); void attrs.reload(); }} /> : null}
    </>
  );
}

function CategoryDialog({ cat, all, onClose, onSaved, onDelete }: { cat: Partial<Category>; all: Category[]; onClose: () => void; onSaved: () => void; onDelete?: () => void }) {
  const { t } = useI18n();
  const [texts, setTexts] = useState<Record<string, { name: string; slug?: string; description: string; seoTitle?: string | null; seoDescription?: string | null }>>(structuredClone(cat.texts ?? {}));
  const [parentId, setParentId] = useState(cat.parentId ?? '');
  const [featured, setFeatured] = useState(!!cat.featured);
  const [lang, setLang] = useState('en');
  const form = useForm(['texts', 'parentId']);
  const tx = texts[lang] ?? { name: '', description: '' };
  const setTx = (patch: Partial<typeof tx>) => setTexts({ ...texts, [lang]: { ...tx, ...patch } });
  const submit = form.submit(async () => {
    const clean = Object.fromEntries(Object.entries(texts).filter(([, x]) => x.name?.trim()).map(([l, x]) => [l, { ...x, slug: x.slug || undefined }]));
    await catalogApi.saveCategory(cat.id, { parentId: parentId || null, position: cat.position ?? 0, featured, texts: clean as Category['texts'] });
    onSaved();
  });
  return (
    <Dialog open title={cat.id ? t('catalog.admin.common.edit') : t('catalog.admin.taxonomy.newCategory')} onClose={onClose} wide>
      <form className="form" onSubmit={submit} data-testid="category-form">
        <FormError message={form.formError} />
        <SelectField label={t('catalog.admin.taxonomy.parent')} value={parentId} onChange={setParentId} error={form.error('parentId')}
          options={[{ value: '', label: '—' }, ...all.filter((c) => c.id !== cat.id).map((c) => ({ value: c.id, label: c.texts.en?.name ?? c.id }))]} />
        <div className="row">{STORE_LOCALES.map((l) => <Button key={l} size="sm" variant={l === lang ? 'primary' : 'secondary'} onClick={() => setLang(l)}>{l}{texts[l]?.name ? '' : ' ○'}</Button>)}</div>
        <div className="grid-2">
          <TextField label={t('catalog.admin.product.name')} value={tx.name} onChange={(v) => setTx({ name: v })} error={form.error('texts')} dir={lang === 'ar' ? 'rtl' : undefined} />
          <TextField label={t('catalog.admin.product.slug')} value={tx.slug ?? ''} onChange={(v) => setTx({ slug: v })} />
          <TextField label={t('catalog.admin.product.seoTitle')} value={tx.seoTitle ?? ''} onChange={(v) => setTx({ seoTitle: v || null })} />
          <TextField label={t('catalog.admin.product.seoDescription')} value={tx.seoDescription ?? ''} onChange={(v) => setTx({ seoDescription: v || null })} />
        </div>
        <TextAreaField label={t('catalog.admin.product.description')} value={tx.description} onChange={(v) => setTx({ description: v })} rows={3} />
        <label className="row"><input type="checkbox" checked={featured} onChange={(e) => setFeatured(e.target.checked)} /> {t('catalog.admin.product.featured')}</label>
        <div className="form-actions">
          {onDelete ? <Button variant="danger" onClick={onDelete}>{t('catalog.admin.common.delete')}</Button> : null}
          <Button type="submit" variant="primary" busy={form.busy}>{t('catalog.admin.common.save')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

function AttributeDialog({ attr, onClose, onSaved }: { attr: Partial<Attribute>; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState(attr.code ?? '');
  const [kind, setKind] = useState<Attribute['kind']>(attr.kind ?? 'single');
  const [unit, setUnit] = useState(attr.unit ?? '');
  const [labels, setLabels] = useState<Labels>(attr.labels ?? {});
  const [values, setValues] = useState((attr.options ?? []).map((o) => [o.code, ...STORE_LOCALES.map((l) => o.labels[l] ?? '')].join(' | ')).join('\n'));
  const form = useForm(['code', 'kind', 'labels', 'options']);
  const submit = form.submit(async () => {
    const options = values.split('\n').map((line) => line.split('|').map((s) => s.trim())).filter((p) => p[0])
      .map(([c, ...ls]) => ({ code: c!, labels: Object.fromEntries(STORE_LOCALES.map((l, i) => [l, ls[i] ?? '']).filter(([, v]) => v)) }));
    await catalogApi.saveAttribute(attr.id, { code, kind, unit: unit || null, filterable: attr.filterable ?? true, position: attr.position ?? 0, labels: Object.fromEntries(Object.entries(labels).filter(([, v]) => v)), options });
    onSaved();
  });
  return (
    <Dialog open title={attr.id ? t('catalog.admin.common.edit') : t('catalog.admin.taxonomy.newAttribute')} onClose={onClose} wide>
      <form className="form" onSubmit={submit} data-testid="attribute-form">
        <FormError message={form.formError} />
        <div className="grid-2">
          <TextField label={t('catalog.admin.taxonomy.code')} value={code} onChange={setCode} error={form.error('code')} placeholder="power_w" />
          <SelectField label={t('catalog.admin.taxonomy.kind')} value={kind} onChange={(v) => setKind(v as Attribute['kind'])} error={form.error('kind')}
            options={['text', 'number', 'single', 'multi'].map((k) => ({ value: k, label: t(`catalog.admin.kind.${k}`) }))} />
          <TextField label={t('catalog.admin.taxonomy.unit')} value={unit} onChange={setUnit} placeholder="W" />
        </div>
        <div className="grid-2">{STORE_LOCALES.map((l) => <TextField key={l} label={`${t('catalog.admin.taxonomy.label')} (${l})`} value={labels[l] ?? ''} onChange={(v) => setLabels({ ...labels, [l]: v })} error={l === 'en' ? form.error('labels') : undefined} />)}</div>
        {kind === 'single' || kind === 'multi' ? (
          <TextAreaField label={t('catalog.admin.taxonomy.values')} hint={t('catalog.admin.taxonomy.valuesHint', { locales: STORE_LOCALES.join(' | ') })} value={values} onChange={setValues} rows={6} error={form.error('options')} />
        ) : null}
        <div className="form-actions"><Button type="submit" variant="primary" busy={form.busy}>{t('catalog.admin.common.save')}</Button></div>
      </form>
    </Dialog>
  );
}
