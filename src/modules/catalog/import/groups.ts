import { STORE_LOCALES } from '../domain/locales.js';
import { parseDecimalToMinor } from '../domain/money-format.js';
import { slugify } from '../domain/slug.js';
import type { AttributeDef } from '../domain/facets.js';
import { isScientific, unescapeCell, type Table, type TableRow } from './table.js';

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportVariant {
  row: number;
  sku: string;
  model?: string;
  barcode?: string;
  listPriceMinor?: number;
  currency?: string;
  inStock?: boolean;
  attributes: Record<string, string | number | string[]>;
}

type TextFields = { name?: string; summary?: string; descriptionHtml?: string; seoTitle?: string; seoDescription?: string };

export interface ImportGroup {
  key: string;
  rows: number[];
  product: {
    categoryRef?: string; visibility?: 'public' | 'dealers' | 'hidden'; hsCode?: string; originCountry?: string; moq?: number; orderMultiple?: number;
    leadTimeDays?: number; netWeightG?: number; grossWeightG?: number; lengthMm?: number; widthMm?: number; heightMm?: number;
  };
  texts: Record<string, TextFields>;
  variants: ImportVariant[];
  /** Choice attributes the file introduces (Shopify options), created or extended on apply. */
  newOptions: Record<string, { label: string; values: Record<string, string> }>;
}

export interface BuildResult {
  format: 'shopify' | 'tradelane';
  groups: ImportGroup[];
  errors: RowError[];
  warnings: RowError[];
}

export interface BuildOptions {
  locale: string;
  currency: string;
  defs: AttributeDef[];
}

export function detectFormat(headers: string[]): 'shopify' | 'tradelane' | undefined {
  if (headers.includes('Handle') && headers.includes('Variant SKU')) return 'shopify';
  if (headers.includes('product') && headers.includes('sku')) return 'tradelane';
  return undefined;
}

const val = (r: TableRow, col: string) => unescapeCell(r.cells[col]?.text ?? '');

function code(r: TableRow, col: string, errors: RowError[], what: string, required: boolean): string | undefined {
  const t = val(r, col);
  if (!t) {
    if (required) errors.push({ row: r.row, column: col, message: `${what} is empty. Give every variant its ${what}.` });
    return undefined;
  }
  if (isScientific(t)) {
    errors.push({ row: r.row, column: col, message: `${what} "${t}" was turned into scientific notation by a spreadsheet and its digits are lost. Format the column as Text in the original file and export again.` });
    return undefined;
  }
  if (r.cells[col]?.number && /^\d+$/.test(t) && t.length > 15) {
    errors.push({ row: r.row, column: col, message: `${what} "${t}" was stored as a number and may have lost digits. Format the column as Text.` });
    return undefined;
  }
  return t;
}

function int(r: TableRow, col: string, errors: RowError[], min = 0): number | undefined {
  const t = val(r, col);
  if (!t) return undefined;
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n) || n < min) {
    errors.push({ row: r.row, column: col, message: `"${t}" is not a number of ${min} or more.` });
    return undefined;
  }
  return Math.round(n);
}

function barcode(r: TableRow, col: string, errors: RowError[]): string | undefined {
  const b = code(r, col, errors, 'Barcode', false);
  if (b && !/^\d{8,14}$/.test(b)) {
    errors.push({ row: r.row, column: col, message: `Barcode "${b}" must be 8 to 14 digits (EAN/UPC/GTIN).` });
    return undefined;
  }
  return b;
}

function price(r: TableRow, col: string, currency: string, errors: RowError[]): number | undefined {
  const t = val(r, col);
  if (!t) return undefined;
  const minor = parseDecimalToMinor(t, currency);
  if (minor === undefined || minor < 0) {
    errors.push({ row: r.row, column: col, message: `Price "${t}" is not an amount in ${currency} (use digits and a decimal point, e.g. 12.50).` });
    return undefined;
  }
  return minor;
}

/** Shopify's product CSV: rows grouped by Handle; the first row carries the product, every row may carry a variant. */
export function buildShopify(t: Table, o: BuildOptions): BuildResult {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const groups = new Map<string, ImportGroup>();
  for (const r of t.rows) {
    const handle = val(r, 'Handle');
    if (!handle) {
      errors.push({ row: r.row, column: 'Handle', message: 'Handle is empty; every row must say which product it belongs to.' });
      continue;
    }
    let g = groups.get(handle);
    const rowErrors: RowError[] = [];
    if (!g) {
      g = { key: handle, rows: [], product: {}, texts: {}, variants: [], newOptions: {} };
      groups.set(handle, g);
      const title = val(r, 'Title');
      if (!title) rowErrors.push({ row: r.row, column: 'Title', message: 'The first row of a product needs its Title.' });
      g.texts[o.locale] = {
        name: title || undefined, descriptionHtml: val(r, 'Body (HTML)') || undefined,
        seoTitle: val(r, 'SEO Title') || undefined, seoDescription: val(r, 'SEO Description') || undefined,
      };
      const status = val(r, 'Status').toLowerCase();
      const published = val(r, 'Published').toUpperCase();
      g.product.visibility = status === 'draft' || status === 'archived' || published === 'FALSE' ? 'hidden' : 'public';
      const type = val(r, 'Type') || val(r, 'Product Category').split('>').pop()?.trim();
      if (type) g.product.categoryRef = type;
      for (const i of [1, 2, 3]) {
        const name = val(r, `Option${i} Name`);
        if (name && name !== 'Title') g.newOptions[slugify(name).replace(/-/g, '_').slice(0, 40)] = { label: name, values: {} };
      }
    }
    g.rows.push(r.row);
    const optionNames = Object.keys(g.newOptions);
    const hasVariant = val(r, 'Variant SKU') || val(r, 'Option1 Value') || val(r, 'Variant Price');
    if (!hasVariant) {
      if (val(r, 'Image Src')) warnings.push({ row: r.row, column: 'Image Src', message: 'Image URLs are not downloaded; upload the product images in the back office.' });
      if (rowErrors.length) errors.push(...rowErrors);
      continue;
    }
    const sku = code(r, 'Variant SKU', rowErrors, 'SKU', true);
    const bc = barcode(r, 'Variant Barcode', rowErrors);
    const p = price(r, 'Variant Price', o.currency, rowErrors);
    const grams = val(r, 'Variant Grams');
    if (grams && g.product.netWeightG === undefined) {
      const n = Number(grams);
      if (Number.isFinite(n) && n >= 0) g.product.netWeightG = Math.round(n);
      else rowErrors.push({ row: r.row, column: 'Variant Grams', message: `"${grams}" is not a weight in grams.` });
    }
    const attributes: Record<string, string> = {};
    optionNames.forEach((codeName, i) => {
      const v = val(r, `Option${i + 1} Value`);
      if (!v || v === 'Default Title') return;
      const optCode = slugify(v).slice(0, 40);
      g!.newOptions[codeName]!.values[optCode] = v;
      attributes[codeName] = optCode;
    });
    const qty = val(r, 'Variant Inventory Qty');
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    g.variants.push({ row: r.row, sku: sku!, barcode: bc, listPriceMinor: p, currency: p !== undefined ? o.currency : undefined, inStock: qty === '' ? undefined : Number(qty) > 0 || val(r, 'Variant Inventory Policy') === 'continue', attributes });
  }
  return { format: 'shopify', groups: [...groups.values()], errors, warnings };
}

export const TEMPLATE_PRODUCT_COLUMNS = ['product', 'sku', 'model', 'barcode', 'category', 'visibility', 'price', 'currency', 'in_stock', 'moq', 'order_multiple', 'lead_time_days', 'hs_code', 'origin_country', 'net_weight_g', 'gross_weight_g', 'length_mm', 'width_mm', 'height_mm'];
export const TEMPLATE_TEXT_FIELDS = ['name', 'summary', 'description', 'seo_title', 'seo_description'] as const;

/** Our own template: one row per variant, product columns repeated or left blank after the first row. */
export function buildTradelane(t: Table, o: BuildOptions): BuildResult {
  const errors: RowError[] = [];
  const groups = new Map<string, ImportGroup>();
  const byCode = new Map(o.defs.map((d) => [d.code, d]));
  for (const h of t.headers) {
    if (h.startsWith('attr.') && !byCode.has(h.slice(5))) errors.push({ row: 1, column: h, message: `There is no attribute "${h.slice(5)}". Create it first or remove the column.` });
  }
  for (const r of t.rows) {
    const key = val(r, 'product');
    const rowErrors: RowError[] = [];
    if (!key) {
      errors.push({ row: r.row, column: 'product', message: 'The product column is empty; rows of one product share the same key.' });
      continue;
    }
    let g = groups.get(key);
    if (!g) {
      g = { key, rows: [], product: {}, texts: {}, variants: [], newOptions: {} };
      groups.set(key, g);
    }
    g.rows.push(r.row);
    const p = g.product;
    const setIf = <K extends keyof ImportGroup['product']>(k: K, v: ImportGroup['product'][K] | undefined) => {
      if (v !== undefined && p[k] === undefined) p[k] = v;
    };
    setIf('categoryRef', val(r, 'category') || undefined);
    const vis = val(r, 'visibility');
    if (vis && !['public', 'dealers', 'hidden'].includes(vis)) rowErrors.push({ row: r.row, column: 'visibility', message: 'Use public, dealers or hidden.' });
    else setIf('visibility', (vis || undefined) as 'public' | undefined);
    const hs = val(r, 'hs_code').replace(/\./g, '');
    if (hs && !/^\d{6}(\d{2}){0,2}$/.test(hs)) rowErrors.push({ row: r.row, column: 'hs_code', message: `HS code "${hs}" must have 6, 8 or 10 digits.` });
    else setIf('hsCode', hs || undefined);
    const origin = val(r, 'origin_country').toUpperCase();
    if (origin && !/^[A-Z]{2}$/.test(origin)) rowErrors.push({ row: r.row, column: 'origin_country', message: 'Use a 2-letter country code such as CN.' });
    else setIf('originCountry', origin || undefined);
    setIf('moq', int(r, 'moq', rowErrors, 1));
    setIf('orderMultiple', int(r, 'order_multiple', rowErrors, 1));
    setIf('leadTimeDays', int(r, 'lead_time_days', rowErrors));
    setIf('netWeightG', int(r, 'net_weight_g', rowErrors));
    setIf('grossWeightG', int(r, 'gross_weight_g', rowErrors));
    setIf('lengthMm', int(r, 'length_mm', rowErrors));
    setIf('widthMm', int(r, 'width_mm', rowErrors));
    setIf('heightMm', int(r, 'height_mm', rowErrors));
    for (const l of STORE_LOCALES) {
      for (const f of TEMPLATE_TEXT_FIELDS) {
        const v = val(r, `${f}.${l}`);
        if (!v) continue;
        const k = ({ name: 'name', summary: 'summary', description: 'descriptionHtml', seo_title: 'seoTitle', seo_description: 'seoDescription' } as const)[f];
        g.texts[l] ??= {};
        g.texts[l]![k] ??= v;
      }
    }
    const sku = code(r, 'sku', rowErrors, 'SKU', true);
    const currency = (val(r, 'currency') || o.currency).toUpperCase();
    const listPrice = price(r, 'price', currency, rowErrors);
    const attributes: Record<string, string | number | string[]> = {};
    for (const h of t.headers) {
      if (!h.startsWith('attr.')) continue;
      const d = byCode.get(h.slice(5));
      const v = val(r, h);
      if (!d || !v) continue;
      if (d.kind === 'number') {
        const n = Number(v.replace(',', '.').replace(/[^\d.+-]/g, ''));
        if (!Number.isFinite(n)) rowErrors.push({ row: r.row, column: h, message: `"${v}" is not a number${d.unit ? ` in ${d.unit}` : ''}.` });
        else attributes[d.code] = n;
      } else if (d.kind === 'multi') attributes[d.code] = v.split('|').map((s) => s.trim()).filter(Boolean);
      else attributes[d.code] = v;
      if (d.kind === 'single' || d.kind === 'multi') {
        for (const item of Array.isArray(attributes[d.code]) ? (attributes[d.code] as string[]) : [String(attributes[d.code] ?? '')]) {
          if (item && !d.options.some((opt) => opt.code === item || Object.values(opt.labels).some((lab) => lab.toLowerCase() === item.toLowerCase()))) {
            rowErrors.push({ row: r.row, column: h, message: `"${item}" is not a value of ${d.code}. Known: ${d.options.map((x) => x.code).join(', ')}.` });
          }
        }
      }
    }
    const inStock = val(r, 'in_stock').toLowerCase();
    const bc = barcode(r, 'barcode', rowErrors);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    g.variants.push({
      row: r.row, sku: sku!, model: val(r, 'model') || undefined, barcode: bc, listPriceMinor: listPrice,
      currency: listPrice !== undefined ? currency : undefined, inStock: inStock ? ['1', 'true', 'yes', 'y'].includes(inStock) : undefined, attributes,
    });
  }
  return { format: 'tradelane', groups: [...groups.values()], errors, warnings: [] };
}

/** Duplicate SKUs inside one file: every occurrence after the first is an error naming the first row. */
export function checkDuplicateSkus(result: BuildResult): void {
  const seen = new Map<string, number>();
  for (const g of result.groups) {
    g.variants = g.variants.filter((v) => {
      const first = seen.get(v.sku);
      if (first !== undefined) {
        result.errors.push({ row: v.row, column: result.format === 'shopify' ? 'Variant SKU' : 'sku', message: `SKU ${v.sku} already appears in row ${first}.` });
        return false;
      }
      seen.set(v.sku, v.row);
      return true;
    });
  }
}
