import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../platform/testing/harness.js';
import { demoPng } from '../seed/demo-assets.js';
import { adminKey } from '../testing/fixtures.js';

let ctx: TestContext;
let auth: Record<string, string>;
beforeAll(async () => {
  ctx = await createTestContext();
  auth = await adminKey(ctx);
});
afterAll(async () => ctx?.close());

function upload(kind: string, filename: string, data: Buffer) {
  const boundary = '----tlfiles';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({ method: 'POST', url: `/api/admin/files?kind=${kind}`, payload, headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

describe('catalog files', () => {
  it('stores an image by content, serves it publicly and dedupes identical bytes', async () => {
    const png = demoPng({ hue: 10, shape: 'panel', seed: 1, width: 64, height: 48 });
    const a = await upload('image', '面板灯 photo.png', png);
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ contentType: 'image/png', visibility: 'public', filename: '面板灯 photo.png' });
    const got = await ctx.app.inject({ method: 'GET', url: a.json().url });
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['cache-control']).toContain('immutable');
    expect(Buffer.compare(got.rawPayload, png)).toBe(0);
    const b = await upload('image', 'copy.png', png);
    expect(b.json().sha256).toBe(a.json().sha256);
  });

  it('answers byte ranges with 206 (video seeking, resumed downloads), 416 past the end', async () => {
    const png = demoPng({ hue: 40, shape: 'ring', seed: 9, width: 64, height: 48 });
    const url = (await upload('image', 'range.png', png)).json().url as string;
    const part = await ctx.app.inject({ method: 'GET', url, headers: { range: 'bytes=10-19' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${png.length}`);
    expect(Buffer.compare(part.rawPayload, png.subarray(10, 20))).toBe(0);
    const tail = await ctx.app.inject({ method: 'GET', url, headers: { range: 'bytes=-5' } });
    expect(Buffer.compare(tail.rawPayload, png.subarray(png.length - 5))).toBe(0);
    const past = await ctx.app.inject({ method: 'GET', url, headers: { range: `bytes=${png.length + 10}-` } });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${png.length}`);
    // A stale If-Range (the bytes changed) gets the whole file.
    const whole = await ctx.app.inject({ method: 'GET', url, headers: { range: 'bytes=0-9', 'if-range': '"other"' } });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.length).toBe(png.length);
  });

  it('refuses a PDF renamed to .png and a file over the limit, saying what to do', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const renamed = await upload('image', 'photo.png', pdf);
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().errors[0]).toMatchObject({ field: 'file', message: expect.stringContaining('application/pdf') });
    const big = Buffer.concat([demoPng({ hue: 1, shape: 'ring', seed: 2, width: 32, height: 32 }), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const tooBig = await upload('image', 'big.png', big);
    expect(tooBig.statusCode).toBe(413);
  });

  it('needs catalog:write to upload', async () => {
    const r = await ctx.app.inject({ method: 'POST', url: '/api/admin/files?kind=image', payload: 'x', headers: { 'content-type': 'text/plain' } });
    expect(r.statusCode).toBe(401);
  });
});
