import { useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { useResource } from '../../core/hooks.js';
import { useSession } from '../../core/session.js';
import { PageHeader, Section } from '../../ui/page-header.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/misc.js';
import { Dialog } from '../../ui/dialog.js';
import { errorText, FormError, SelectField, TextAreaField, TextField, useForm } from '../../ui/form.js';
import { useToast } from '../../ui/toast.js';
import { catalogApi, STORE_LOCALES, type Labels, type Page, type Testimonial } from './api.js';
import { RichTextEditor } from './rich-text.js';

const KINDS = ['about', 'returns', 'privacy', 'terms', 'shipping', 'custom'];

/** Trust pages (about, returns, privacy, terms, shipping) with rich text per language, and testimonials. */
export default function ContentPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const toast = useToast();
  const pages = useResource(() => catalogApi.pages(), []);
  const tests = useResource(() => catalogApi.testimonials(), []);
  const [editPage, setEditPage] = useState<Partial<Page> | null>(null);
  const [editTest, setEditTest] = useState<Partial<Testimonial> | null>(null);
  const write = can('catalog:write');
  const del = async (fn: () => Promise<unknown>, reload: () => Promise<void>) => {
    try {
      await fn();
      await reload();
    } catch (e) {
      toast.error(errorText(e, t));
    }
  };
  return (
    <>
      <PageHeader title={t('catalog.admin.nav.content')} subtitle={t('catalog.admin.nav.contentDescription')} />
      <Section title={t('catalog.admin.content.pages')} actions={write ? <Button icon="plus" onClick={() => setEditPage({ kind: 'about', texts: {}, published: true, position: 0 })} data-testid="new-page">{t('catalog.admin.common.add')}</Button> : null}>
        <table className="table" data-testid="pages-table">
          <thead><tr><th>{t('catalog.admin.content.title')}</th><th>{t('catalog.admin.content.kind')}</th><th>{t('catalog.admin.product.languages')}</th><th /></tr></thead>
          <tbody>{(pages.data?.items ?? []).map((p) => (
            <tr key={p.id}><td>{p.texts.en?.title ?? Object.values(p.texts)[0]?.title}</td><td>{t(`catalog.admin.pageKind.${p.kind}`)}{p.published ? null : <> <Badge>{t('catalog.admin.content.draft')}</Badge></>}</td>
              <td className="mono">{Object.keys(p.texts).join(' ')}</td>
              <td>{write ? <><Button size="sm" onClick={() => setEditPage(p)}>{t('catalog.admin.common.edit')}</Button> <Button size="sm" variant="danger" onClick={() => void del(() => catalogApi.deletePage(p.id), pages.reload)}>{t('catalog.admin.common.delete')}</Button></> : null}</td></tr>
          ))}</tbody>
        </table>
      </Section>
      <Section title={t('catalog.admin.content.testimonials')} actions={write ? <Button icon="plus" onClick={() => setEditTest({ quote: {}, published: true, position: 0, country: '' })}>{t('catalog.admin.common.add')}</Button> : null}>
        <table className="table" data-testid="testimonials-table">
          <thead><tr><th>{t('catalog.admin.content.author')}</th><th>{t('catalog.admin.content.country')}</th><th>{t('catalog.admin.content.quote')}</th><th /></tr></thead>
          <tbody>{(tests.data?.items ?? []).map((x) => (
            <tr key={x.id}><td>{x.author}<span className="cell-sub">{x.company}</span></td><td>{x.country}</td><td>{x.quote.en ?? Object.values(x.quote)[0]}</td>
              <td>{write ? <><Button size="sm" onClick={() => setEditTest(x)}>{t('catalog.admin.common.edit')}</Button> <Button size="sm" variant="danger" onClick={() => void del(() => catalogApi.deleteTestimonial(x.id), tests.reload)}>{t('catalog.admin.common.delete')}</Button></> : null}</td></tr>
          ))}</tbody>
        </table>
      </Section>
      {editPage ? <PageDialog page={editPage} onClose={() => setEditPage(null)} onSaved={() => { setEditPage(null); void pages.reload(); }} /> : null}
      {editTest ? <TestimonialDialog item={editTest} onClose={() => setEditTest(null)} onSaved={() => { setEditTest(null); void tests.reload(); }} /> : null}
    </>
  );
}

function PageDialog({ page, onClose, onSaved }: { page: Partial<Page>; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState(page.kind ?? 'about');
  const [published, setPublished] = useState(page.published ?? true);
  const [texts, setTexts] = useState<Page['texts']>(structuredClone(page.texts ?? {}));
  const [lang, setLang] = useState('en');
  const form = useForm(['texts', 'kind']);
  const tx = texts[lang] ?? { title: '', slug: '', bodyHtml: '' };
  const setTx = (patch: Partial<typeof tx>) => setTexts({ ...texts, [lang]: { ...tx, ...patch } });
  const submit = form.submit(async () => {
    const clean = Object.fromEntries(Object.entries(texts).filter(([, x]) => x.title?.trim()).map(([l, x]) => [l, { ...x, slug: x.slug || undefined }]));
    await catalogApi.savePage(page.id, { kind, published, position: page.position ?? 0, texts: clean as Page['texts'] });
    onSaved();
  });
  return (
    <Dialog open title={page.id ? t('catalog.admin.common.edit') : t('catalog.admin.content.newPage')} onClose={onClose} wide>
      <form className="form" onSubmit={submit} data-testid="page-form">
        <FormError message={form.formError} />
        <div className="grid-2">
          <SelectField label={t('catalog.admin.content.kind')} value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(`catalog.admin.pageKind.${k}`) }))} />
          <label className="row"><input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} /> {t('catalog.admin.content.published')}</label>
        </div>
        <div className="row">{STORE_LOCALES.map((l) => <Button key={l} size="sm" variant={l === lang ? 'primary' : 'secondary'} onClick={() => setLang(l)}>{l}{texts[l]?.title ? '' : ' ○'}</Button>)}</div>
        <div className="grid-2">
          <TextField label={t('catalog.admin.content.title')} value={tx.title} onChange={(v) => setTx({ title: v })} error={form.error('texts')} dir={lang === 'ar' ? 'rtl' : undefined} />
          <TextField label={t('catalog.admin.product.slug')} value={tx.slug ?? ''} onChange={(v) => setTx({ slug: v })} />
        </div>
        <RichTextEditor key={lang} label={t('catalog.admin.content.body')} value={tx.bodyHtml} onChange={(v) => setTx({ bodyHtml: v })} dir={lang === 'ar' ? 'rtl' : 'ltr'} />
        <TextField label={t('catalog.admin.product.seoDescription')} value={tx.seoDescription ?? ''} onChange={(v) => setTx({ seoDescription: v || null })} />
        <div className="form-actions"><Button type="submit" variant="primary" busy={form.busy}>{t('catalog.admin.common.save')}</Button></div>
      </form>
    </Dialog>
  );
}

function TestimonialDialog({ item, onClose, onSaved }: { item: Partial<Testimonial>; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [author, setAuthor] = useState(item.author ?? '');
  const [company, setCompany] = useState(item.company ?? '');
  const [country, setCountry] = useState(item.country ?? '');
  const [rating, setRating] = useState(item.rating?.toString() ?? '5');
  const [quote, setQuote] = useState<Labels>(item.quote ?? {});
  const form = useForm(['author', 'country', 'quote', 'rating']);
  const submit = form.submit(async () => {
    await catalogApi.saveTestimonial(item.id, { author, company: company || null, country: country.toUpperCase(), rating: rating ? Number(rating) : null, quote: Object.fromEntries(Object.entries(quote).filter(([, v]) => v)), published: item.published ?? true, position: item.position ?? 0 });
    onSaved();
  });
  return (
    <Dialog open title={t('catalog.admin.content.testimonials')} onClose={onClose} wide>
      <form className="form" onSubmit={submit}>
        <FormError message={form.formError} />
        <div className="grid-2">
          <TextField label={t('catalog.admin.content.author')} value={author} onChange={setAuthor} error={form.error('author')} />
          <TextField label={t('catalog.admin.content.company')} value={company} onChange={setCompany} />
          <TextField label={t('catalog.admin.content.country')} value={country} onChange={setCountry} error={form.error('country')} placeholder="DE" />
          <TextField label={t('catalog.admin.content.rating')} value={rating} onChange={setRating} error={form.error('rating')} inputMode="numeric" />
        </div>
        {STORE_LOCALES.map((l) => <TextAreaField key={l} label={`${t('catalog.admin.content.quote')} (${l})`} value={quote[l] ?? ''} onChange={(v) => setQuote({ ...quote, [l]: v })} rows={2} error={l === 'en' ? form.error('quote') : undefined} dir={l === 'ar' ? 'rtl' : undefined} />)}
        <div className="form-actions"><Button type="submit" variant="primary" busy={form.busy}>{t('catalog.admin.common.save')}</Button></div>
      </form>
    </Dialog>
  );
}
