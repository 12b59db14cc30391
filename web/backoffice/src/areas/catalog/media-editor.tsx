import { useEffect, useState } from 'react';
import { useI18n } from '../../core/i18n.js';
import { Button } from '../../ui/misc.js';
import { catalogApi, STORE_LOCALES, type Product, type ProductRow } from './api.js';

/** Moves item i by delta (-1 earlier, +1 later) and returns a new array. */
export function move<T>(list: T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

const DOC_KINDS = ['spec_sheet', 'manual', 'cad', 'other'] as const;

/**
 * Images in gallery order (the first is the card and main image) with alt text per language,
 * the downloads with their kind, title and language. Order changes with the arrow buttons
 * (keyboard-reachable, unlike drag and drop) and is saved with the product.
 */
export function MediaEditor({ p, set, lang, readOnly }: { p: Product; set: (patch: Partial<Product>) => void; lang: string; readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <ol className="media-images" data-testid="images-editor" style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {p.images.map((im, i) => (
          <li key={`${im.fileId}-${i}`} data-file-id={im.fileId} style={{ width: 170 }} className="stack">
            <img src={`/media/${encodeURIComponent(im.fileId)}/image`} alt={im.alt[lang] ?? im.alt.en ?? ''} width={160} height={120} style={{ objectFit: 'cover', border: '1px solid var(--line, #ddd)', borderRadius: 6 }} />
            <span className="muted">{i === 0 ? t('catalog.admin.product.mainImage') : `#${i + 1}`}</span>
            <input className="input" aria-label={t('catalog.admin.product.altText', { n: i + 1, lang })} value={im.alt[lang] ?? ''} disabled={readOnly} dir={lang === 'ar' ? 'rtl' : undefined}
              onChange={(e) => set({ images: p.images.map((x, j) => (j === i ? { ...x, alt: { ...x.alt, [lang]: e.target.value } } : x)) })} />
            {!readOnly ? (
              <div className="row">
                <Button size="sm" disabled={i === 0} onClick={() => set({ images: move(p.images, i, -1) })} aria-label={t('catalog.admin.product.moveEarlier', { n: i + 1 })} data-testid={`image-earlier-${i}`}><span aria-hidden="true">←</span></Button>
                <Button size="sm" disabled={i === p.images.length - 1} onClick={() => set({ images: move(p.images, i, 1) })} aria-label={t('catalog.admin.product.moveLater', { n: i + 1 })} data-testid={`image-later-${i}`}><span aria-hidden="true">→</span></Button>
                <Button size="sm" icon="x" onClick={() => set({ images: p.images.filter((_, j) => j !== i) })} aria-label={t('catalog.admin.common.remove')} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      <table className="table" data-testid="documents-editor">
        <tbody>{p.documents.map((d, i) => (
          <tr key={`${d.fileId}-${i}`}>
            <td><a href={`/media/${encodeURIComponent(d.fileId)}/file`} target="_blank" rel="noreferrer" className="mono">{d.fileId.slice(-8)}</a></td>
            <td><input className="input" aria-label={t('catalog.admin.product.docTitle', { lang })} value={d.title[lang] ?? ''} disabled={readOnly}
              onChange={(e) => set({ documents: p.documents.map((x, j) => (j === i ? { ...x, title: { ...x.title, [lang]: e.target.value } } : x)) })} /></td>
            <td><select className="input" aria-label={t('catalog.admin.product.docKind')} value={d.kind} disabled={readOnly}
              onChange={(e) => set({ documents: p.documents.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)) })}>
              {DOC_KINDS.map((k) => <option key={k} value={k}>{t(`catalog.admin.docKind.${k}`)}</option>)}
            </select></td>
            <td><select className="input" aria-label={t('catalog.admin.product.docLanguage')} value={d.locale ?? ''} disabled={readOnly}
              onChange={(e) => set({ documents: p.documents.map((x, j) => (j === i ? { ...x, locale: e.target.value || null } : x)) })}>
              <option value="">{t('catalog.admin.product.anyLanguage')}</option>
              {STORE_LOCALES.map((l) => <option key={l} value={l}>{l}</option>)}
            </select></td>
            <td className="row">{!readOnly ? <>
              <Button size="sm" disabled={i === 0} onClick={() => set({ documents: move(p.documents, i, -1) })} aria-label={t('catalog.admin.product.moveEarlier', { n: i + 1 })}><span aria-hidden="true">↑</span></Button>
              <Button size="sm" icon="x" onClick={() => set({ documents: p.documents.filter((_, j) => j !== i) })} aria-label={t('catalog.admin.common.remove')} />
            </> : null}</td>
          </tr>
        ))}</tbody>
      </table>
    </>
  );
}

/** Related products shown on the product page: search by name or SKU, add, order, remove. */
export function RelatedEditor({ p, set, readOnly }: { p: Product; set: (patch: Partial<Product>) => void; readOnly: boolean }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ProductRow[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    const missing = p.relatedIds.filter((id) => !names[id]);
    if (!missing.length) return;
    void Promise.all(missing.map((id) => catalogApi.product(id).then((x) => [id, x.texts.en?.name ?? Object.values(x.texts)[0]?.name ?? id] as const).catch(() => [id, id] as const)))
      .then((pairs) => setNames((n) => ({ ...n, ...Object.fromEntries(pairs) })));
  }, [p.relatedIds.join(',')]);
  useEffect(() => {
    if (q.trim().length < 2) return setFound([]);
    const timer = setTimeout(() => void catalogApi.products({ q, page: 1 }).then((r) => setFound(r.items.filter((x) => x.id !== p.id && !p.relatedIds.includes(x.id)).slice(0, 8))).catch(() => setFound([])), 200);
    return () => clearTimeout(timer);
  }, [q, p.relatedIds.join(',')]);
  return (
    <div className="stack" data-testid="related-editor">
      <ol>{p.relatedIds.map((id, i) => (
        <li key={id} className="row">
          <span>{names[id] ?? id}</span>
          {!readOnly ? <>
            <Button size="sm" disabled={i === 0} onClick={() => set({ relatedIds: move(p.relatedIds, i, -1) })} aria-label={t('catalog.admin.product.moveEarlier', { n: i + 1 })}><span aria-hidden="true">↑</span></Button>
            <Button size="sm" icon="x" onClick={() => set({ relatedIds: p.relatedIds.filter((x) => x !== id) })} aria-label={t('catalog.admin.common.remove')} />
          </> : null}
        </li>
      ))}</ol>
      {!readOnly && p.relatedIds.length < 24 ? (
        <div>
          <input className="input" type="search" aria-label={t('catalog.admin.product.findRelated')} placeholder={t('catalog.admin.product.findRelated')} value={q} onChange={(e) => setQ(e.target.value)} />
          <ul>{found.map((x) => (
            <li key={x.id} className="row">
              <span>{x.name} <small className="mono muted">{x.skus.slice(0, 2).join(', ')}</small></span>
              <Button size="sm" icon="plus" onClick={() => { setNames((n) => ({ ...n, [x.id]: x.name })); set({ relatedIds: [...p.relatedIds, x.id] }); setQ(''); }}>{t('catalog.admin.common.add')}</Button>
            </li>
          ))}</ul>
        </div>
      ) : null}
    </div>
  );
}
