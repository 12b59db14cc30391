import yauzl from 'yauzl';
import { AppError } from '../../../platform/errors/app-error.js';

/** Limits for a bulk order file, checked before anything is parsed or inflated. */
export const UPLOAD_LIMITS = {
  maxBytes: 15 * 1024 * 1024,
  /** An order workbook has a dozen parts; thousands of entries is an attack or not an order. */
  maxEntries: 500,
  /** Sum of the declared uncompressed sizes (a 10,000-line order inflates to ~5 MB). */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Per entry: text XML compresses ~10-30x; a bomb compresses 1000x. */
  maxRatio: 200,
};

export type UploadKind = 'xlsx' | 'csv';

const bad = (code: 'unsupported_media_type' | 'unprocessable' | 'payload_too_large', message: string) =>
  new AppError(code, message, { errors: [{ field: 'file', message }] });

/**
 * Decides what an uploaded file really is from its bytes (the name is not trusted), and for a
 * zip reads only its central directory (entry count, declared sizes, required parts) before a
 * single byte is inflated. Returns the kind to parse, or throws a 4xx that says what to do.
 */
export async function inspectUpload(data: Buffer, limits = UPLOAD_LIMITS): Promise<UploadKind> {
  if (data.length === 0) throw bad('unprocessable', 'The file is empty. Choose the filled-in order file.');
  if (data.length > limits.maxBytes) {
    throw bad('payload_too_large', `The file is ${(data.length / 1048576).toFixed(1)} MB; the limit is ${limits.maxBytes / 1048576} MB. Split the order into several files.`);
  }
  const head = data.subarray(0, 8);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    await checkZip(data, limits);
    return 'xlsx';
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw bad('unsupported_media_type', 'This is an old Excel 97-2003 (.xls) file. Save it as "Excel Workbook (.xlsx)" or as CSV and upload it again.');
  }
  if (isText(data)) return 'csv';
  throw bad('unsupported_media_type', 'This file is neither an Excel workbook (.xlsx) nor a CSV file, whatever its name says. Download the template and save your order in it.');
}

function isText(data: Buffer): boolean {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) return true;
  const sample = data.subarray(0, 64 * 1024);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length === data.length ? sample : sample.subarray(0, sample.length - 4));
    return true;
  } catch {
    return false;
  }
}

async function checkZip(data: Buffer, limits: typeof UPLOAD_LIMITS): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, autoClose: false }, (err, z) => (err || !z ? reject(err) : resolve(z))),
  ).catch((e: Error) => {
    throw bad('unprocessable', `The workbook is damaged (${e.message}). Open it in Excel and save it again.`);
  });
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw bad('unprocessable', `The workbook holds ${zip.entryCount} parts; an order file has far fewer. Save the order sheet alone as a new workbook.`);
  }
  const names = new Set<string>();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      names.add(e.fileName);
      total += e.uncompressedSize;
      const ratio = e.compressedSize > 0 ? e.uncompressedSize / e.compressedSize : e.uncompressedSize > 0 ? Infinity : 0;
      if (total > limits.maxUncompressedBytes || (e.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)) {
        reject(bad('payload_too_large', 'The workbook would unpack to far more than an order file can hold (a "zip bomb"). It was not opened. Save the order sheet alone as a new workbook.'));
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (e: Error) => reject(bad('unprocessable', `The workbook is damaged (${e.message}). Open it in Excel and save it again.`)));
    zip.readEntry();
  }).finally(() => zip.close());
  const missing = ['[Content_Types].xml', 'xl/workbook.xml'].filter((p) => !names.has(p));
  if (missing.length) {
    throw bad('unprocessable', `This is a zip file but not a complete Excel workbook (missing ${missing.join(', ')}). Open it in Excel and save it as .xlsx again.`);
  }
}
