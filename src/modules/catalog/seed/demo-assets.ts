import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/** Noto Sans SC (OTF, full GB2312 set) shipped through npm: pdfkit writes garbage for CJK without it. */
export function cjkFontPath(): string {
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
}

/**
 * A small PNG for demo product photos: a gradient backdrop with a luminaire-like shape
 * (panel, ring, bar or lamp head), drawn pixel by pixel. Written by hand because it is 40 lines
 * and only the demo needs it; real shops upload photographs.
 */
export function demoPng(opts: { width?: number; height?: number; hue: number; shape: 'panel' | 'ring' | 'bar' | 'head'; seed: number }): Buffer {
  const w = opts.width ?? 480;
  const h = opts.height ?? 360;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  const [br, bg, bb] = hsl(opts.hue, 0.35, 0.9);
  const [fr, fg, fb] = hsl(opts.hue, 0.15, 0.25);
  const glow = hsl(50, 0.9, 0.8);
  const cx = w / 2 + ((opts.seed % 5) - 2) * 6;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < w; x++) {
      const shade = 1 - (y / h) * 0.25;
      let r = br * shade, g = bg * shade, b = bb * shade;
      const dx = x - cx, dy = y - cy;
      let inFrame = false, inLight = false;
      if (opts.shape === 'panel') { inFrame = Math.abs(dx) < 150 && Math.abs(dy) < 110; inLight = Math.abs(dx) < 140 && Math.abs(dy) < 100; }
      if (opts.shape === 'ring') { const d = Math.hypot(dx, dy); inFrame = d < 120; inLight = d < 95; }
      if (opts.shape === 'bar') { inFrame = Math.abs(dx) < 200 && Math.abs(dy) < 26; inLight = Math.abs(dx) < 190 && Math.abs(dy) < 14; }
      if (opts.shape === 'head') { inFrame = Math.abs(dx) < 130 && dy > -90 && dy < 70; inLight = Math.abs(dx) < 110 && dy > -70 && dy < 50 && ((x >> 4) + (y >> 4)) % 2 === 0; }
      if (inFrame) { r = fr; g = fg; b = fb; }
      if (inLight) { r = glow[0]; g = glow[1]; b = glow[2]; }
      const o = row + 1 + x * 3;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0))]);
}

function hsl(hDeg: number, s: number, l: number): [number, number, number] {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const hp = (hDeg % 360) / 60;
  const x = c * (1 - Math.abs((hp % 2) - 1));
  const [r1, g1, b1] = hp < 1 ? [c, x, 0] : hp < 2 ? [x, c, 0] : hp < 3 ? [0, c, x] : hp < 4 ? [0, x, c] : hp < 5 ? [x, 0, c] : [c, 0, x];
  const m = l - c / 2;
  return [Math.round((r1 + m) * 255), Math.round((g1 + m) * 255), Math.round((b1 + m) * 255)];
}

export interface SpecSheet {
  title: string;
  subtitle: string;
  company: string;
  rows: [string, string][];
  variants: { sku: string; detail: string }[];
  notes: string[];
  labels: { specs: string; variants: string; issued: string };
  cjk?: boolean;
}

function render(build: (doc: PDFKit.PDFDocument) => void, meta: { title: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: meta.title, Author: 'Lumentra Lighting Co., Ltd.' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

let cjkFont: Buffer | undefined;

/** A one-page product data sheet; Chinese sheets embed the CJK font (subset by pdfkit). */
export function specSheetPdf(s: SpecSheet): Promise<Buffer> {
  return render((doc) => {
    if (s.cjk) {
      cjkFont ??= fs.readFileSync(cjkFontPath());
      doc.registerFont('body', cjkFont);
    } else doc.registerFont('body', 'Helvetica');
    doc.rect(0, 0, doc.page.width, 70).fill('#0b6e4f');
    doc.fillColor('#ffffff').font('body').fontSize(16).text(s.company, 50, 26);
    doc.fillColor('#1b2430').fontSize(20).text(s.title, 50, 95);
    doc.fontSize(11).fillColor('#5b6776').text(s.subtitle, { width: 495 });
    doc.moveDown();
    doc.fillColor('#0b6e4f').fontSize(13).text(s.labels.specs);
    doc.moveDown(0.3);
    for (const [k, v] of s.rows) {
      const y = doc.y;
      doc.fillColor('#1b2430').fontSize(10).text(k, 50, y, { width: 190 });
      doc.text(v, 250, y, { width: 295 });
      doc.moveTo(50, doc.y + 3).lineTo(545, doc.y + 3).strokeColor('#dde3ea').stroke();
      doc.moveDown(0.4);
    }
    doc.moveDown();
    doc.fillColor('#0b6e4f').fontSize(13).text(s.labels.variants, 50);
    doc.moveDown(0.3);
    for (const v of s.variants) doc.fillColor('#1b2430').fontSize(10).text(`${v.sku}   ${v.detail}`, 50);
    doc.moveDown();
    for (const n of s.notes) doc.fillColor('#5b6776').fontSize(9).text(n, 50, undefined, { width: 495 });
  }, { title: s.title });
}

/** A certificate of conformity as a PDF (demo documents; the issuer names are the usual test houses). */
export function certificatePdf(c: { name: string; issuer: string; number: string; product: string; standards: string[]; issuedOn: string; expiresOn: string }): Promise<Buffer> {
  return render((doc) => {
    doc.lineWidth(3).rect(30, 30, doc.page.width - 60, doc.page.height - 60).stroke('#0b6e4f');
    doc.font('Helvetica-Bold').fontSize(24).fillColor('#1b2430').text(`Certificate of Conformity — ${c.name}`, 60, 90, { align: 'center', width: doc.page.width - 120 });
    doc.font('Helvetica').fontSize(12).moveDown(2);
    doc.text(`Certificate No.: ${c.number}`, { align: 'center' });
    doc.moveDown();
    doc.text('Holder: Lumentra Lighting Co., Ltd., No. 18 Gongye Avenue, Guzhen Town, Zhongshan, Guangdong, China', { align: 'center' });
    doc.moveDown();
    doc.text(`Products: ${c.product}`, { align: 'center' });
    doc.moveDown();
    doc.text(`Tested and found to comply with: ${c.standards.join('; ')}`, { align: 'center' });
    doc.moveDown(2);
    doc.text(`Issued by ${c.issuer} on ${c.issuedOn}. Valid until ${c.expiresOn}.`, { align: 'center' });
    doc.moveDown(4);
    doc.fontSize(9).fillColor('#5b6776').text('Demo document generated by Tradelane for the sample catalogue.', { align: 'center' });
  }, { title: `${c.name} certificate ${c.number}` });
}
