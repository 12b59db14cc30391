import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { storeFile } from '../../../platform/files/files.js';
import { saveAttribute } from '../commands/attributes.js';
import { saveCategory } from '../commands/categories.js';
import { savePage, saveTestimonial } from '../commands/pages.js';
import { saveProduct } from '../commands/save-product.js';
import { catalogAttributes, catalogCategoryTexts, catalogPages, catalogRelatedProducts, catalogTestimonials, catalogVariants } from '../db/catalog.schema.js';
import { loadAttributeDefs } from '../db/attribute-defs.js';
import { slugify } from '../domain/slug.js';
import { ATTRIBUTES, CATEGORIES } from './demo-catalog.js';
import { ALT, HOURS, PRODUCT_LANGS, SERIES, SPEC_LABELS, YEARS, type Model, type Series } from './demo-products.js';
import { PAGES, TESTIMONIALS } from './demo-pages.js';
import { certificatePdf, demoPng, specSheetPdf } from './demo-assets.js';

const seedActor = { ...SYSTEM_ACTOR, label: 'demo seed' };

function ean13(n: number): string {
  const body = `69${String(n).padStart(10, '0')}`; // 69x: GS1 China prefix
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

/** The demo catalogue: idempotent (existing attributes, categories, SKUs, pages are left alone). */
export async function seedCatalogDemo(deps: AppDeps): Promise<void> {
  const tx0 = deps.db;
  // Attributes
  const haveAttrs = new Set((await tx0.select({ code: catalogAttributes.code }).from(catalogAttributes)).map((a) => a.code));
  for (const [i, a] of ATTRIBUTES.entries()) {
    if (haveAttrs.has(a.code)) continue;
    await deps.database.transaction((tx) =>
      saveAttribute(tx, deps, seedActor, undefined, { code: a.code, kind: a.kind, unit: a.unit ?? null, position: i, labels: a.labels, options: a.options ?? [] }),
    );
  }
  const defs = await loadAttributeDefs(deps.db);

  // Categories (matched by their English slug)
  const catIds = new Map<string, string>();
  for (const [i, c] of CATEGORIES.entries()) {
    const [existing] = await tx0.select({ id: catalogCategoryTexts.categoryId }).from(catalogCategoryTexts)
      .where(and(eq(catalogCategoryTexts.locale, 'en'), eq(catalogCategoryTexts.slug, slugify(c.names.en))));
    if (existing) {
      catIds.set(c.key, existing.id);
      continue;
    }
    const texts = Object.fromEntries(Object.entries(c.names).map(([l, name]) => [l, { name, description: (c.descriptions as Record<string, string>)[l] ?? '' }]));
    const { id } = await deps.database.transaction((tx) =>
      saveCategory(tx, deps, seedActor, undefined, { parentId: c.parent ? catIds.get(c.parent) : null, position: i, featured: !!c.featured, texts }),
    );
    catIds.set(c.key, id);
  }

  // Products, series by series
  let serial = 1000;
  for (const s of SERIES) {
    const firstSkus = s.models.map((m) => skuOf(s, m, s.ccts[0]!));
    const existing = new Set((await tx0.select({ sku: catalogVariants.sku }).from(catalogVariants).where(inArray(catalogVariants.sku, firstSkus))).map((r) => r.sku));
    if (existing.size === s.models.length) continue;
    const certs = await deps.database.transaction(async (tx) => {
      const make = async (name: string, issuer: string, number: string, standards: string[], issuedOn: string, expiresOn: string) => {
        const data = await certificatePdf({ name, issuer, number, standards, issuedOn, expiresOn, product: `${s.names.en(s.models[0]!).split(',')[0]} series (${s.prefix}*)` });
        const f = await storeFile(tx, deps, { data, filename: `${name.replace(/\s+/g, '-')}-${s.prefix}.pdf`, visibility: 'public', purpose: 'catalog.document', accept: ['application/pdf'] });
        return { name, issuer, number, issuedOn, expiresOn, fileId: f.id };
      };
      return [
        await make('CE', 'TÜV SÜD Product Service GmbH', `Z1A 0${s.hue}7 1582 0${s.moq}`, ['EN IEC 55015:2019', 'EN 61547:2009', 'EN IEC 61000-3-2:2019', 'EN 60598-1:2021'], '2024-03-12', '2029-03-11'),
        await make('RoHS', 'SGS-CSTC Standards Technical Services Co., Ltd.', `GZIN24030${s.hue}81CR`, ['Directive 2011/65/EU and (EU) 2015/863'], '2024-03-20', '2027-03-19'),
      ];
    });
    const ids: string[] = [];
    for (const [mi, m] of s.models.entries()) {
      if (existing.has(skuOf(s, m, s.ccts[0]!))) continue;
      const lm = Math.round((m.power * s.efficacy) / 10) * 10;
      const texts: Record<string, any> = {};
      for (const l of PRODUCT_LANGS) {
        const lab = SPEC_LABELS[l];
        texts[l] = {
          name: s.names[l](m),
          summary: s.summary[l](m, lm),
          descriptionHtml: s.body[l],
          specs: [
            { label: lab.power, value: `${m.power} W` },
            { label: lab.flux, value: `${lm.toLocaleString('en')} lm` },
            { label: lab.efficacy, value: `${s.efficacy} lm/W` },
            { label: lab.cri, value: s.cri === 'ra90' ? 'Ra > 90' : 'Ra > 80' },
            { label: lab.beam, value: `${m.beam}°` },
            { label: lab.ip, value: s.ip.toUpperCase() },
            { label: lab.voltage, value: s.category === 'tubes' || s.category === 'downlights' ? 'AC 220–240 V, 50/60 Hz' : 'AC 100–277 V, 50/60 Hz' },
            { label: lab.pf, value: '> 0.95' },
            { label: lab.life, value: HOURS[l](s.category === 'street' ? 100000 : 50000) },
            { label: lab.warranty, value: YEARS[l](s.category === 'tubes' ? 3 : 5) },
          ],
        };
      }
      const variants = s.ccts.map((cct, ci) => ({
        sku: skuOf(s, m, cct),
        model: `${s.prefix}${m.code}`,
        barcode: ean13(serial++),
        listPriceMinor: m.price + (cct === '3000k' && s.cri === 'ra90' ? 0 : ci * 0),
        currency: 'USD',
        inStock: (mi + ci) % 4 !== 3,
        attributes: { power: m.power, lumens: lm, cct, ip: s.ip, cri: s.cri, beam: m.beam, dimming: s.dimming, housing: s.housing },
      }));
      const id = await deps.database.transaction(async (tx) => {
        const images = [];
        for (let i = 0; i < 2; i++) {
          const png = demoPng({ hue: s.hue + mi * 7 + i * 20, shape: s.shape, seed: mi + i });
          const f = await storeFile(tx, deps, { data: png, filename: `${s.prefix}${m.code}-${i + 1}.png`, visibility: 'public', purpose: 'catalog.image', accept: ['image/png'] });
          images.push({ fileId: f.id, alt: Object.fromEntries(PRODUCT_LANGS.map((l) => [l, ALT[l](texts[l].name, i)])) });
        }
        const documents = [];
        const sheet = await specSheetPdf({
          title: texts.en.name, subtitle: texts.en.summary, company: 'Lumentra Lighting Co., Ltd.', rows: texts.en.specs.map((r: any) => [r.label, r.value]),
          variants: variants.map((v) => ({ sku: v.sku, detail: `${v.attributes.cct.toUpperCase()}  EAN ${v.barcode}` })),
          notes: ['Specifications are typical values at 25 °C ambient; tolerance ±10 %. Subject to change without notice.'],
          labels: { specs: 'Technical data', variants: 'Ordering codes', issued: 'Issued' },
        });
        const fEn = await storeFile(tx, deps, { data: sheet, filename: `${s.prefix}${m.code}-datasheet-en.pdf`, visibility: 'public', purpose: 'catalog.document', accept: ['application/pdf'] });
        documents.push({ fileId: fEn.id, kind: 'spec_sheet' as const, title: { en: 'Data sheet (English)', 'zh-CN': '英文规格书', es: 'Ficha técnica (inglés)', ar: 'ورقة المواصفات (بالإنجليزية)' }, locale: 'en' as const });
        if (mi === 0) {
          const zh = await specSheetPdf({
            cjk: true, title: texts['zh-CN'].name, subtitle: texts['zh-CN'].summary, company: '中山朗明特照明有限公司', rows: texts['zh-CN'].specs.map((r: any) => [r.label, r.value]),
            variants: variants.map((v) => ({ sku: v.sku, detail: `${v.attributes.cct.toUpperCase()}  EAN ${v.barcode}` })),
            notes: ['以上参数为 25 °C 环境温度下的典型值，公差 ±10%。如有变更，恕不另行通知。'], labels: { specs: '技术参数', variants: '订货编码', issued: '发布' },
          });
          const fZh = await storeFile(tx, deps, { data: zh, filename: `${s.prefix}${m.code}-规格书.pdf`, visibility: 'public', purpose: 'catalog.document', accept: ['application/pdf'] });
          documents.push({ fileId: fZh.id, kind: 'spec_sheet' as const, title: { en: 'Data sheet (Chinese)', 'zh-CN': '中文规格书', es: 'Ficha técnica (chino)', ar: 'ورقة المواصفات (بالصينية)' }, locale: 'zh-CN' as const });
        }
        const certificates = [...certs];
        if (s.category === 'highbay' || s.category === 'street') certificates.push({ name: 'UL', issuer: 'UL LLC', number: `E48${s.hue}17`, issuedOn: '2023-08-01', expiresOn: '2028-07-31', fileId: null as unknown as string });
        if (mi === 0 && s.category === 'panels') certificates.push({ name: 'ENEC', issuer: 'VDE Prüf- und Zertifizierungsinstitut', number: '40049521', issuedOn: '2021-02-01', expiresOn: '2025-01-31', fileId: null as unknown as string });
        const r = await saveProduct(tx, deps, seedActor, undefined, {
          categoryId: catIds.get(s.category), visibility: mi === s.models.length - 1 ? 'dealers' : 'public', featured: mi === 0, hsCode: s.hs, originCountry: 'CN',
          moq: s.moq, orderMultiple: s.multiple, leadTimeDays: s.lead, netWeightG: s.weightG(m), grossWeightG: Math.round(s.weightG(m) * 1.25),
          lengthMm: s.dims(m)[0], widthMm: s.dims(m)[1], heightMm: s.dims(m)[2], position: mi,
          videoUrl: mi === 0 && (s.category === 'highbay' || s.category === 'flood') ? 'https://videos.lumentra.example/installation-guide.mp4' : null,
          texts, images, documents, certificates, variants,
        }, { defs, audit: false });
        return r.id;
      });
      ids.push(id);
    }
    // Related: the neighbouring models of the same series.
    if (ids.length > 1) {
      await deps.database.transaction(async (tx) => {
        for (const [i, id] of ids.entries()) {
          const rel = [ids[(i + 1) % ids.length]!, ids[(i + 2) % ids.length]!, ids[(i + 3) % ids.length]!].filter((r, k, a) => r !== id && a.indexOf(r) === k);
          await tx.insert(catalogRelatedProducts).values(rel.map((r, k) => ({ productId: id, relatedId: r, position: k }))).onConflictDoNothing();
        }
      });
    }
  }

  // Trust pages and testimonials
  const haveKinds = new Set((await tx0.select({ kind: catalogPages.kind }).from(catalogPages)).map((p) => p.kind));
  for (const [i, p] of PAGES.entries()) {
    if (haveKinds.has(p.kind)) continue;
    await deps.database.transaction((tx) =>
      savePage(tx, deps, seedActor, undefined, { kind: p.kind, position: i, texts: Object.fromEntries(Object.entries(p.texts).map(([l, t]) => [l, { title: t.title, bodyHtml: t.body }])) }),
    );
  }
  const haveAuthors = new Set((await tx0.select({ a: catalogTestimonials.author }).from(catalogTestimonials)).map((t) => t.a));
  for (const [i, t] of TESTIMONIALS.entries()) {
    if (haveAuthors.has(t.author)) continue;
    await deps.database.transaction((tx) => saveTestimonial(tx, deps, seedActor, undefined, { ...t, position: i }));
  }
}

function skuOf(s: Series, m: Model, cct: string): string {
  return `${s.prefix}${m.code}-${cct.slice(0, 2)}`;
}
