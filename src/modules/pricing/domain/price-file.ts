import { fitsMinorUnit, isDecimalString, parseMoney } from '../../../platform/money/index.js';
import type { FieldError } from '../../../platform/errors/app-error.js';

/**
 * Rows of a price file, whatever its shape, as (row number, sku, min qty, unit price). Two shapes:
 *   ours:    sku, min_qty, unit_price[, currency]
 *   Magento: sku, tier_price_website, tier_price_customer_group, tier_price_qty, tier_price[, tier_price_value_type]
 * (Magento 2 "Advanced Pricing" export; a row with no qty and price means "no tier price" and is skipped.)
 */
export interface PriceRow {
  row: number;
  sku: string;
  minQty: number;
  unitAmount: number;
}

export interface ParsedPriceFile {
  shape: 'tradelane' | 'magento';
  rows: PriceRow[];
  skipped: number;
  errors: FieldError[];
}

const norm = (h: string) => h.trim().toLowerCase().replace(/^\uFEFF/, '');

export function readPriceTable(table: string[][], currency: string): ParsedPriceFile {
  const [header, ...body] = table;
  const h = (header ?? []).map(norm);
  const col = (name: string) => h.indexOf(name);
  const magento = col('tier_price_qty') >= 0 && col('tier_price') >= 0;
  const shape = magento ? 'magento' : 'tradelane';
  const iSku = col('sku');
  const iQty = magento ? col('tier_price_qty') : col('min_qty');
  const iPrice = magento ? col('tier_price') : col('unit_price');
  const iWebsite = col('tier_price_website');
  const iType = col('tier_price_value_type');
  const iCur = col('currency');
  const errors: FieldError[] = [];
  if (iSku < 0 || iQty < 0 || iPrice < 0) {
    errors.push({ field: 'file', message: 'The header must have sku, min_qty and unit_price (or the Magento tier-price columns sku, tier_price_qty, tier_price).' });
    return { shape, rows: [], skipped: 0, errors };
  }
  const rows: PriceRow[] = [];
  let skipped = 0;
  body.forEach((cells, i) => {
    const row = i + 2; // 1-based, after the header
    const get = (c: number) => (c >= 0 ? String(cells[c] ?? '').trim() : '');
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    const sku = get(iSku);
    const qty = get(iQty);
    const price = get(iPrice);
    if (!sku) return void errors.push({ field: `row ${row}: sku`, message: `Row ${row}: the SKU is empty.` });
    if (/^\d+(\.\d+)?E\+\d+$/i.test(sku)) return void errors.push({ field: `row ${row}: sku`, message: `Row ${row}: the SKU "${sku}" was turned into scientific notation by a spreadsheet; restore the original SKU.` });
    if (magento && qty === '' && price === '') return void skipped++;
    if (iType >= 0 && get(iType) && get(iType).toLowerCase() !== 'fixed') {
      return void errors.push({ field: `row ${row}: tier_price_value_type`, message: `Row ${row}: only fixed prices can be imported (this row is "${get(iType)}").` });
    }
    const website = get(iWebsite);
    const bracket = /\[([A-Z]{3})\]/.exec(website)?.[1];
    const rowCurrency = bracket ?? (iCur >= 0 ? get(iCur).toUpperCase() : '');
    if (rowCurrency && rowCurrency !== currency) {
      return void errors.push({ field: `row ${row}: currency`, message: `Row ${row}: the price is in ${rowCurrency} but this list is in ${currency}.` });
    }
    const q = Number(qty);
    if (!isDecimalString(qty) || !Number.isInteger(q) || q < 1) {
      return void errors.push({ field: `row ${row}: ${magento ? 'tier_price_qty' : 'min_qty'}`, message: `Row ${row}: the quantity "${qty}" must be a whole number of at least 1.` });
    }
    if (!isDecimalString(price) || price.startsWith('-')) {
      return void errors.push({ field: `row ${row}: ${magento ? 'tier_price' : 'unit_price'}`, message: `Row ${row}: the price "${price}" is not a positive decimal number such as 4.20.` });
    }
    if (!fitsMinorUnit(price, currency)) {
      return void errors.push({ field: `row ${row}: ${magento ? 'tier_price' : 'unit_price'}`, message: `Row ${row}: ${price} has more decimals than ${currency} allows.` });
    }
    rows.push({ row, sku, minQty: q, unitAmount: parseMoney(price, currency).amount });
  });
  return { shape, rows, skipped, errors };
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, tab, CR, NUL first) gets a leading
 * apostrophe: the OWASP CSV-injection advice. Numbers we write ourselves are not text and pass.
 */
export function escapeCell(v: string): string {
  return /^[=+\-@\t\r\0]/.test(v) ? `'${v}` : v;
}

export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => {
    const v = escapeCell(c);
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',')).join('\r\n') + '\r\n';
}
