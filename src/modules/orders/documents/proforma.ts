import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatMoney, money } from '../../../platform/money/index.js';
import { t } from '../../../platform/i18n/i18n.js';
import type { Address, FrozenTotals } from '../domain/order-types.js';
import type { Db } from '../../../platform/db/database.js';

/** What the proforma prints about the seller. */
export interface SellerProfile {
  name: string;
  lines: string[];
}

export interface ProformaOrder {
  number: string;
  placedAt: string;
  locale: string;
  currency: string;
  incoterm: string | null;
  paymentMethod: string;
  paymentDueAt: string | null;
  customerName: string | null;
  companyName: string | null;
  customerEmail: string | null;
  vatNumber: string | null;
  shipTo: Address | null;
  billTo: Address | null;
  shipping: { name: string; estimate?: { from: string; to: string } | null } | null;
  totals: FrozenTotals;
  lines: { lineNo: number; sku: string; name: string; quantity: number; unitPrice: number; lineTotal: number; hsCode: string | null; backorderedQuantity: number; leadTimeDays: number | null }[];
  /** How to pay (deposit and balance, bank details, reference to quote), from the payments module. */
  payment?: { title: string; lines: string[] } | null;
}

/** The payments module supplies the proforma's payment block (orders never read payment tables). */
export type ProformaPaymentBlock = (db: Db, orderId: string, locale: string) => Promise<{ title: string; lines: string[] } | null>;
let paymentBlock: ProformaPaymentBlock | undefined;
export function registerProformaPaymentBlock(fn: ProformaPaymentBlock): void {
  paymentBlock = fn;
}
export async function proformaPaymentBlock(db: Db, orderId: string, locale: string) {
  return paymentBlock ? paymentBlock(db, orderId, proformaLocale(locale)) : null;
}

/**
 * Noto Sans Hans (OFL) from the @embedpdf/fonts-sc npm package: it covers Latin, Cyrillic and
 * CJK, so one font prints every store language except Arabic. pdfkit embeds only the glyphs used
 * (a subset) with a ToUnicode map, so the text stays searchable and copyable. Without a CJK font
 * pdfkit writes unreadable bytes for Chinese without any error.
 */
const requireHere = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(requireHere.resolve('@embedpdf/fonts-sc')), '../fonts');
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts() {
  fonts ??= {
    regular: fs.readFileSync(path.join(FONT_DIR, 'NotoSansHans-Regular.otf')),
    bold: fs.readFileSync(path.join(FONT_DIR, 'NotoSansHans-Bold.otf')),
  };
  return fonts;
}

/**
 * Arabic needs shaping and right-to-left layout that pdfkit does not do; Arabic buyers get the
 * proforma in English (the email text itself is in Arabic).
 */
export function proformaLocale(locale: string): string {
  return locale.startsWith('ar') ? 'en' : locale;
}

export async function renderProforma(o: ProformaOrder, seller: SellerProfile): Promise<Buffer> {
  const locale = proformaLocale(o.locale);
  const L = (key: string, params?: Record<string, unknown>) => t(locale, `orders.proforma.${key}`, params);
  const m = (amount: number) => formatMoney(money(amount, o.currency), locale);
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  const f = loadFonts();

  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${L('title')} ${o.number}`, Author: seller.name } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', f.regular);
  doc.registerFont('bold', f.bold);

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('bold').fontSize(18).text(L('title'), left, 48);
  doc.font('body').fontSize(10).text(`${L('number')}: ${o.number}`).text(`${L('date')}: ${date(o.placedAt)}`);
  if (o.paymentDueAt) doc.text(`${L('validUntil')}: ${date(o.paymentDueAt)}`);
  doc.moveDown(0.5);
  doc.font('bold').text(seller.name);
  doc.font('body');
  for (const line of seller.lines) doc.text(line);
  doc.moveDown();

  const addressBlock = (title: string, a: Address | null, x: number, y: number) => {
    doc.font('bold').fontSize(10).text(title, x, y, { width: width / 2 - 10 });
    doc.font('body');
    if (!a) return;
    const lines = [a.company, a.name, a.line1, a.line2, [a.postalCode, a.city, a.region].filter(Boolean).join(' '), a.countryCode, a.phone].filter(Boolean) as string[];
    for (const l of lines) doc.text(l, x, undefined, { width: width / 2 - 10 });
  };
  const top = doc.y;
  addressBlock(L('billTo'), o.billTo ?? o.shipTo, left, top);
  const afterLeft = doc.y;
  addressBlock(L('shipTo'), o.shipTo, left + width / 2, top);
  doc.y = Math.max(afterLeft, doc.y);
  doc.x = left;
  doc.moveDown(0.5);
  if (o.vatNumber) doc.text(`${L('vatNumber')}: ${o.vatNumber}`);
  if (o.customerEmail) doc.text(o.customerEmail);
  doc.text(`${L('incoterm')}: ${o.incoterm ?? '—'}    ${L('paymentMethod')}: ${t(locale, `orders.paymentMethod.${o.paymentMethod}`)}`);
  if (o.shipping) {
    const est = o.shipping.estimate ? ` (${L('delivery', { from: date(o.shipping.estimate.from), to: date(o.shipping.estimate.to) })})` : '';
    doc.text(`${L('shipping')}: ${o.shipping.name}${est}`);
  }
  doc.moveDown();

  // Lines table.
  const cols = [
    { key: 'sku', w: 0.16 },
    { key: 'description', w: 0.34 },
    { key: 'hsCode', w: 0.12 },
    { key: 'quantity', w: 0.08, right: true },
    { key: 'unitPrice', w: 0.15, right: true },
    { key: 'amount', w: 0.15, right: true },
  ];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = left;
    let maxY = y;
    doc.font(bold ? 'bold' : 'body').fontSize(9);
    cells.forEach((c, i) => {
      const w = cols[i]!.w * width;
      doc.text(c, x, y, { width: w - 4, align: cols[i]!.right ? 'right' : 'left' });
      maxY = Math.max(maxY, doc.y);
      x += w;
    });
    doc.y = maxY + 3;
    if (doc.y > doc.page.height - 120) doc.addPage();
  };
  row(cols.map((c) => L(`col.${c.key}`)), true);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).stroke();
  doc.y += 3;
  for (const l of o.lines) {
    const name = l.backorderedQuantity > 0 ? `${l.name}\n${L('backordered', { quantity: l.backorderedQuantity, days: l.leadTimeDays ?? 0 })}` : l.name;
    row([l.sku, name, l.hsCode ?? '', String(l.quantity), m(l.unitPrice), m(l.lineTotal)]);
  }
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).stroke();
  doc.moveDown();

  // Totals with the line that explains each.
  for (const e of o.totals.explanations) {
    const label = e.key ? t(locale, e.key, e.params) : e.label;
    const amount = e.included ? m(e.amount) : `(${m(e.amount)})`;
    doc.font(e.kind === 'grand_total' ? 'bold' : 'body').fontSize(e.kind === 'grand_total' ? 11 : 9);
    const y = doc.y;
    doc.text(label, left, y, { width: width * 0.7 });
    const yEnd = doc.y;
    doc.text(amount, left + width * 0.7, y, { width: width * 0.3, align: 'right' });
    doc.y = Math.max(yEnd, doc.y) + 2;
  }
  for (const tl of o.totals.taxLines) if (tl.note) doc.font('body').fontSize(8).text(tl.note, left);
  doc.moveDown();
  if (o.payment?.lines.length) {
    doc.font('bold').fontSize(10).text(o.payment.title, left, undefined, { width });
    doc.font('body').fontSize(9);
    for (const l of o.payment.lines) doc.text(l, left, undefined, { width });
    doc.moveDown();
  }
  doc.font('body').fontSize(8).text(L('footer'), left, undefined, { width });
  doc.end();
  return done;
}
