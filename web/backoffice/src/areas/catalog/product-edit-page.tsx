import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { navigate, type Params } from '../../core/router.js';
import { useSession } from '../../core/session.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Alert, Button, Spinner } from '../../ui/misc.js';
import { Badge } from '../../ui/badge.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { errorText, FormError, SelectField, TextAreaField, TextField, useForm } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { catalogApi, STORE_LOCALES, upload, type Product, type StoredFile } from './api.js';
import { RichTextEditor } from './rich-text.js';
import { MediaEditor, RelatedEditor } from './media-editor.js';

const EMPTY: Product = {
  categoryId: null, visibility: 'public', featured: false, hsCode: null, originCountry: 'CN', moq: 1, orderMultiple: 1, leadTimeDays: null,
  netWeightG: null, grossWeightG: null, lengthMm: null, widthMm: null, heightMm: null, videoFileId: null, videoUrl: null, position: 0,
  texts: { en: { name: '', summary: '', descriptionHtml: '', specs: [] } }, images: [], documents: [], certificates: [], relatedIds: [],
  variants: [{ sku: '', inStock: true, attributes: {} }],
};

const num = (s: string) => (s.trim() === '' ? null : Number(s));

/** Create or edit a product: content per language, logistics, files, certificates and variants. */
export default function ProductEditPage({ params }: { params: Params }) {
  const { t } = useI18n();
  const toast = useToast();
  const { can, session } = useSession();
  const id = params.id;
  const loaded = useResource(async () => (id ? catalogApi.product(id) : EMPTY), [id]);
  const cats = useResource(() => catalogApi.categories(), []);
  const attrs = useResource(() => catalogApi.attributes(), []);
  const [p, setP] = useState<Product | null>(null);
  const [lang, setLang] = useState('en');
  const [deleting, setDeleting] = useState(false);
  const form = useForm(['texts', 'variants', 'hsCode', 'originCountry', 'moq', 'orderMultiple', 'videoUrl', 'categoryId']);
  useEffect(() => {
    if (loaded.data) setP(structuredClone(loaded.data));
  }, [loaded.data]);
  if (loaded.error) return <Alert tone="error">{errorText(loaded.error, t)}</Alert>;
  if (!p) return <Spinner />;
  const set = (patch: Partial<Product>) => setP({ ...p, ...patch });
  const text = p.texts[lang] ?? { name: '', summary: '', descriptionHtml: '', specs: [] };
  const setText = (patch: Partial<typeof text>) => set({ texts: { ...p.texts, [lang]: { ...text, ...patch } } });
  const readOnly = !can('catalog:write');

  const save = form.submit(async () => {
    const { id: _id, ...body } = p as Product & { createdAt?: string; updatedAt?: string };
    delete (body as Record<string, unknown>).createdAt;
    delete (body as Record<string, unknown>).updatedAt;
    const texts = Object.fromEntries(Object.entries(body.texts).filter(([, x]) => x.name.trim()));
    const r = await catalogApi.saveProduct(id, {
      ...body, texts,
      certificates: body.certificates.map(({ expired: _e, expiringSoon: _s, ...c }) => c),
      variants: body.variants.map(({ id: _v, ...v }) => v),
    });
    toast.success(t('catalog.admin.common.saved'));
    if (!id) navigate(`/catalog/products/${r.id}`, { replace: true });
    else void loaded.reload();
  });

  const addFile = async (kind: 'image' | 'document' | 'video', file: File) => {
    try {
      const f = await upload<StoredFile>(`/api/admin/files?kind=${kind}`, file, session?.csrfToken);
      if (kind === 'video') set({ videoFileId: f.id });
      else if (kind === 'image') set({ images: [...p.images, { fileId: f.id, alt: { [lang]: text.name } }] });
      else set({ documents: [...p.documents, { fileId: f.id, kind: 'spec_sheet', title: { [lang]: f.filename }, locale: null }] });
    } catch (e) {
      toast.error(errorText(e, t));
    }
  };

  return (
    <>
      <PageHeader
        title={id ? (p.texts.en?.name || Object.values(p.texts)[0]?.name || id) : t('catalog.admin.products.new')}
        actions={<>
          {id ? <a className="btn" href={`/${lang}/p/${encodeURIComponent(p.texts[lang]?.slug ?? '')}`} target="_blank" rel="noreferrer">{t('catalog.admin.product.viewInStore')}</a> : null}
          {id && !readOnly ? <Button variant="danger" onClick={() => setDeleting(true)}>{t('catalog.admin.common.delete')}</Button> : null}
        </>}
      />
      <form className="form" onSubmit={save} data-testid="product-form">
        <FormError message={form.formError} />
        <Section title={t('catalog.admin.product.content')} description={t('catalog.admin.product.contentHelp')}>
          <div className="row" role="tablist">
            {STORE_LOCALES.map((l) => (
              <Button key={l} size="sm" variant={l === lang ? 'primary' : 'secondary'} onClick={() => setLang(l)} aria-selected={l === lang} role="tab">
                {l}{p.texts[l]?.name ? '' : ' ○'}
              </Button>
            ))}
          </div>
          <div className="grid-2">
            <TextField label={t('catalog.admin.product.name')} value={text.name} onChange={(v) => setText({ name: v })} error={form.error('texts')} disabled={readOnly} data-testid="product-name" dir={lang === 'ar' ? 'rtl' : undefined} />
            <TextField label={t('catalog.admin.product.slug')} value={text.slug ?? ''} onChange={(v) => setText({ slug: v })} disabled={readOnly} hint={t('catalog.admin.product.slugHint')} />
          </div>
          <TextAreaField label={t('catalog.admin.product.summary')} value={text.summary} onChange={(v) => setText({ summary: v })} disabled={readOnly} rows={2} />
          <RichTextEditor label={t('catalog.admin.product.description')} value={text.descriptionHtml} onChange={(v) => setText({ descriptionHtml: v })} dir={lang === 'ar' ? 'rtl' : 'ltr'} readOnly={readOnly} />
          <TextAreaField label={t('catalog.admin.product.specs')} hint={t('catalog.admin.product.specsHint')} rows={5} disabled={readOnly}
            value={text.specs.map((s) => `${s.label}: ${s.value}`).join('\n')}
            onChange={(v) => setText({ specs: v.split('\n').map((line) => line.split(/:\s*/)).filter((x) => x[0]?.trim()).map(([label, ...rest]) => ({ label: label!.trim(), value: rest.join(': ').trim() })) })} />
          <div className="grid-2">
            <TextField label={t('catalog.admin.product.seoTitle')} value={text.seoTitle ?? ''} onChange={(v) => setText({ seoTitle: v || null })} disabled={readOnly} />
            <TextField label={t('catalog.admin.product.seoDescription')} value={text.seoDescription ?? ''} onChange={(v) => setText({ seoDescription: v || null })} disabled={readOnly} />
          </div>
        </Section>

        <Section title={t('catalog.admin.product.settings')}>
          <div className="grid-2">
            <SelectField label={t('catalog.admin.product.category')} value={p.categoryId ?? ''} onChange={(v) => set({ categoryId: v || null })} error={form.error('categoryId')} disabled={readOnly}
              options={[{ value: '', label: '—' }, ...(cats.data?.items ?? []).map((c) => ({ value: c.id, label: c.texts.en?.name ?? Object.values(c.texts)[0]?.name ?? c.id }))]} />
            <SelectField label={t('catalog.admin.product.visibility')} value={p.visibility} onChange={(v) => set({ visibility: v as Product['visibility'] })} disabled={readOnly}
              options={['public', 'dealers', 'hidden'].map((v) => ({ value: v, label: t(`catalog.admin.visibility.${v}`) }))} />
            <TextField label={t('catalog.admin.product.hsCode')} value={p.hsCode ?? ''} onChange={(v) => set({ hsCode: v || null })} error={form.error('hsCode')} disabled={readOnly} />
            <TextField label={t('catalog.admin.product.origin')} value={p.originCountry ?? ''} onChange={(v) => set({ originCountry: v.toUpperCase() || null })} error={form.error('originCountry')} disabled={readOnly} />
            <TextField label={t('catalog.admin.product.moq')} inputMode="numeric" value={String(p.moq)} onChange={(v) => set({ moq: Number(v) || 1 })} error={form.error('moq')} disabled={readOnly} />
            <TextField label={t('catalog.admin.product.orderMultiple')} inputMode="numeric" value={String(p.orderMultiple)} onChange={(v) => set({ orderMultiple: Number(v) || 1 })} error={form.error('orderMultiple')} disabled={readOnly} />
            <TextField label={t('catalog.admin.product.leadTime')} inputMode="numeric" value={p.leadTimeDays?.toString() ?? ''} onChange={(v) => set({ leadTimeDays: num(v) })} disabled={readOnly} />
            <TextField label={t('catalog.admin.product.videoUrl')} value={p.videoUrl ?? ''} onChange={(v) => set({ videoUrl: v || null })} error={form.error('videoUrl')} disabled={readOnly} />
            <TextField label={t('catalog.admin.product.netWeight')} inputMode="numeric" value={p.netWeightG?.toString() ?? ''} onChange={(v) => set({ netWeightG: num(v) })} disabled={readOnly} />
            <TextField label={t('catalog.admin.product.grossWeight')} inputMode="numeric" value={p.grossWeightG?.toString() ?? ''} onChange={(v) => set({ grossWeightG: num(v) })} disabled={readOnly} />
            <TextField label={t('catalog.admin.product.dimensions')} value={[p.lengthMm, p.widthMm, p.heightMm].map((x) => x ?? '').join(' × ')} disabled={readOnly}
              onChange={(v) => { const [l, w, h] = v.split(/[x×*]/).map((s) => num(s)); set({ lengthMm: l ?? null, widthMm: w ?? null, heightMm: h ?? null }); }} />
            <label className="row"><input type="checkbox" checked={p.featured} onChange={(e) => set({ featured: e.target.checked })} disabled={readOnly} /> {t('catalog.admin.product.featured')}</label>
          </div>
        </Section>

        <Section title={t('catalog.admin.product.variants')} description={t('catalog.admin.product.variantsHelp')}>
          {form.error('variants') ? <Alert tone="error">{form.error('variants')}</Alert> : null}
          <table className="table" data-testid="variants-editor">
            <thead><tr><th>SKU</th><th>{t('catalog.admin.product.model')}</th><th>{t('catalog.admin.product.barcode')}</th><th>{t('catalog.admin.product.listPrice')}</th><th>{t('catalog.admin.product.inStock')}</th>
              {(attrs.data?.items ?? []).map((a) => <th key={a.code}>{a.labels.en ?? a.code}{a.unit ? ` (${a.unit})` : ''}</th>)}<th /></tr></thead>
            <tbody>{p.variants.map((v, i) => {
              const setV = (patch: Partial<typeof v>) => set({ variants: p.variants.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              return (
                <tr key={i}>
                  <td><input className="input mono" aria-label="SKU" value={v.sku} onChange={(e) => setV({ sku: e.target.value })} disabled={readOnly} /></td>
                  <td><input className="input" aria-label={t('catalog.admin.product.model')} value={v.model ?? ''} onChange={(e) => setV({ model: e.target.value || null })} disabled={readOnly} /></td>
                  <td><input className="input mono" aria-label={t('catalog.admin.product.barcode')} value={v.barcode ?? ''} onChange={(e) => setV({ barcode: e.target.value || null })} disabled={readOnly} /></td>
                  <td className="row"><input className="input" style={{ width: 90 }} aria-label={t('catalog.admin.product.listPrice')} inputMode="decimal"
                    value={v.listPriceMinor == null ? '' : (v.listPriceMinor / 100).toFixed(2)} disabled={readOnly}
                    onChange={(e) => setV({ listPriceMinor: e.target.value.trim() === '' ? null : Math.round(Number(e.target.value) * 100), currency: v.currency ?? 'USD' })} />
                    <input className="input" style={{ width: 60 }} aria-label={t('catalog.admin.product.currency')} value={v.currency ?? ''} onChange={(e) => setV({ currency: e.target.value.toUpperCase() || null })} disabled={readOnly} /></td>
                  <td><input type="checkbox" aria-label={t('catalog.admin.product.inStock')} checked={v.inStock} onChange={(e) => setV({ inStock: e.target.checked })} disabled={readOnly} /></td>
                  {(attrs.data?.items ?? []).map((a) => (
                    <td key={a.code}>
                      {a.kind === 'single' ? (
                        <select className="input" aria-label={a.code} value={String(v.attributes[a.code] ?? '')} disabled={readOnly}
                          onChange={(e) => { const attributes = { ...v.attributes }; if (e.target.value) attributes[a.code] = e.target.value; else delete attributes[a.code]; setV({ attributes }); }}>
                          <option value="">—</option>
                          {a.options.map((o) => <option key={o.code} value={o.code}>{o.labels.en ?? o.code}</option>)}
                        </select>
                      ) : (
                        <input className="input" aria-label={a.code} value={Array.isArray(v.attributes[a.code]) ? (v.attributes[a.code] as string[]).join('|') : String(v.attributes[a.code] ?? '')} disabled={readOnly}
                          onChange={(e) => { const attributes = { ...v.attributes }; const x = e.target.value; if (!x) delete attributes[a.code]; else attributes[a.code] = a.kind === 'number' ? Number(x) : a.kind === 'multi' ? x.split('|') : x; setV({ attributes }); }} />
                      )}
                    </td>
                  ))}
                  <td>{!readOnly && p.variants.length > 1 ? <Button size="sm" icon="x" onClick={() => set({ variants: p.variants.filter((_, j) => j !== i) })} aria-label={t('catalog.admin.common.remove')} /> : null}</td>
                </tr>
              );
            })}</tbody>
          </table>
          {!readOnly ? <Button size="sm" icon="plus" onClick={() => set({ variants: [...p.variants, { sku: '', inStock: true, attributes: {} }] })}>{t('catalog.admin.product.addVariant')}</Button> : null}
        </Section>

        <Section title={t('catalog.admin.product.media')}>
          <p className="muted">{t('catalog.admin.product.images', { n: p.images.length })} · {t('catalog.admin.product.documents', { n: p.documents.length })}{p.videoFileId ? <> · {t('catalog.admin.product.videoUploaded')} <Button size="sm" icon="x" onClick={() => set({ videoFileId: null })} aria-label={t('catalog.admin.common.remove')} /></> : null}</p>
          <MediaEditor p={p} set={set} lang={lang} readOnly={readOnly} />
          {!readOnly ? (
            <div className="row">
              <label className="btn">{t('catalog.admin.product.uploadImage')}<input type="file" accept="image/png,image/jpeg,image/webp" hidden onChange={(e) => e.target.files?.[0] && void addFile('image', e.target.files[0])} /></label>
              <label className="btn">{t('catalog.admin.product.uploadVideo')}<input type="file" accept="video/mp4,video/webm" hidden onChange={(e) => e.target.files?.[0] && void addFile('video', e.target.files[0])} /></label>
              <label className="btn">{t('catalog.admin.product.uploadDocument')}<input type="file" accept=".pdf,.zip,.step,.stp,.dxf" hidden onChange={(e) => e.target.files?.[0] && void addFile('document', e.target.files[0])} /></label>
            </div>
          ) : null}
        </Section>

        <Section title={t('catalog.admin.product.related')} description={t('catalog.admin.product.relatedHelp')}>
          <RelatedEditor p={p} set={set} readOnly={readOnly} />
        </Section>

        <Section title={t('catalog.admin.product.certificates')}>
          <ul data-testid="certificates-editor">{p.certificates.map((c, i) => (
            <li key={i} className="row">
              <strong>{c.name}</strong> {c.issuer} {c.number ?? ''} {c.expiresOn ? `→ ${c.expiresOn}` : ''}
              {c.fileId ? <a href={`/media/${encodeURIComponent(c.fileId)}/certificate`} target="_blank" rel="noreferrer">{t('catalog.admin.product.certFileOpen')}</a> : null}
              {c.expired ? <Badge tone="red">{t('catalog.admin.product.expired')}</Badge> : c.expiringSoon ? <Badge tone="amber">{t('catalog.admin.product.expiringSoon')}</Badge> : null}
              {!readOnly ? <Button size="sm" icon="x" onClick={() => set({ certificates: p.certificates.filter((_, j) => j !== i) })} aria-label={t('catalog.admin.common.remove')} /> : null}
            </li>
          ))}</ul>
          {!readOnly ? <CertificateAdder onAdd={(c) => set({ certificates: [...p.certificates, c] })} /> : null}
        </Section>

        {!readOnly ? <div className="form-actions"><Button type="submit" variant="primary" busy={form.busy} data-testid="save-product">{t('catalog.admin.common.save')}</Button></div> : null}
      </form>
      <ConfirmDialog open={deleting} title={t('catalog.admin.common.delete')} message={t('catalog.admin.product.deleteConfirm')} confirmLabel={t('catalog.admin.common.delete')}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          try {
            await catalogApi.deleteProduct(id!);
            navigate('/catalog/products');
          } catch (e) {
            toast.error(errorText(e, t));
          }
        }} />
    </>
  );
}

function CertificateAdder({ onAdd }: { onAdd: (c: { name: string; issuer: string; number: string | null; expiresOn: string | null; fileId: string | null }) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const { session } = useSession();
  const [file, setFile] = useState<StoredFile | null>(null);
  const [name, setName] = useState('');
  const [issuer, setIssuer] = useState('');
  const [number, setNumber] = useState('');
  const [expires, setExpires] = useState('');
  return (
    <div className="row">
      <TextField label={t('catalog.admin.product.certName')} value={name} onChange={setName} />
      <TextField label={t('catalog.admin.product.certIssuer')} value={issuer} onChange={setIssuer} />
      <TextField label={t('catalog.admin.product.certNumber')} value={number} onChange={setNumber} />
      <TextField label={t('catalog.admin.product.certExpires')} type="date" value={expires} onChange={setExpires} />
      <label className="btn">{file ? file.filename : t('catalog.admin.product.certFile')}<input type="file" accept=".pdf,image/png,image/jpeg" hidden
        onChange={(e) => { const f = e.target.files?.[0]; if (f) upload<StoredFile>('/api/admin/files?kind=document', f, session?.csrfToken).then(setFile, (err) => toast.error(errorText(err, t))); }} /></label>
      <Button size="sm" icon="plus" disabled={!name || !issuer} onClick={() => { onAdd({ name, issuer, number: number || null, expiresOn: expires || null, fileId: file?.id ?? null }); setName(''); setIssuer(''); setNumber(''); setExpires(''); setFile(null); }}>{t('catalog.admin.common.add')}</Button>
    </div>
  );
}
