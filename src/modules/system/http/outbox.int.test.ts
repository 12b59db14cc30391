import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestContext, DATABASE_UNDER_TEST, type TestContext } from '../../../platform/testing/harness.js';
import { MODULES } from '../../modules.js';
import { asStaff, testStaffModule } from '../testing.js';

const pdfBytes = Buffer.from('%PDF-1.4\n% tradelane test invoice\n\x00\x01\x02\xff', 'latin1');
const message = {
  to: 'buyer@example.com',
  subject: 'Proforma invoice PI-2026-0042',
  html: '<p>Dear buyer,</p><p>Please find the <b>proforma</b> attached.</p><script>alert(1)</script>',
  text: 'Dear buyer, please find the proforma attached.',
  attachments: [{ filename: 'PI-2026-0042.pdf', contentType: 'application/pdf', contentBase64: pdfBytes.toString('base64') }],
  tag: 'order.proforma',
  locale: 'en',
};

describe(`mail over SMTP on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let server: SMTPServer;
  const received: { from: string; to: string[]; raw: string }[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    ctx = await createTestContext({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await ctx?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers the message with its subject and attachment and marks it sent', async () => {
    const id = await ctx.database.transaction((tx) => ctx.deps.mail.enqueue(tx, message));
    await ctx.deps.jobs.drain(['mail.send']);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['buyer@example.com']);
    expect(received[0]!.raw).toContain('Subject: Proforma invoice PI-2026-0042');
    expect(received[0]!.raw).toMatch(/filename="?PI-2026-0042\.pdf/);
    expect(received[0]!.raw.replace(/\r?\n/g, '')).toContain(pdfBytes.toString('base64'));
    const rows = await ctx.database.exec('SELECT status, sent_at FROM mail_messages WHERE id = $1', [id]);
    expect(rows.rows[0].status).toBe('sent');
    expect(rows.rows[0].sent_at).not.toBeNull();
  });
});

describe(`mail outbox on ${DATABASE_UNDER_TEST}`, () => {
  let ctx: TestContext;
  let id: string;
  beforeAll(async () => {
    ctx = await createTestContext({ modules: [...MODULES, testStaffModule] });
    id = await ctx.database.transaction((tx) => ctx.deps.mail.enqueue(tx, message));
    await ctx.database.transaction((tx) => ctx.deps.mail.enqueue(tx, { to: 'x@example.com', subject: 'Welcome', html: '<p>hi</p>', tag: 'staff.invite' }));
    await ctx.deps.jobs.drain(['mail.send']);
  });
  afterAll(async () => ctx?.close());
  const get = (url: string, role: Parameters<typeof asStaff>[0] = 'finance') => ctx.app.inject({ method: 'GET', url, headers: asStaff(role) });

  it('keeps mail in the outbox without SMTP and lists it by status and tag', async () => {
    const all = await get('/api/admin/outbox?status=outbox');
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((m: { subject: string }) => m.subject)).toEqual(['Welcome', 'Proforma invoice PI-2026-0042']);
    const tagged = (await get('/api/admin/outbox?tag=order.proforma')).json();
    expect(tagged.items).toEqual([expect.objectContaining({ id, status: 'outbox', attachmentCount: 1, to: ['buyer@example.com'] })]);
    const page1 = (await get('/api/admin/outbox?limit=1')).json();
    expect(page1.items).toHaveLength(1);
    const page2 = (await get(`/api/admin/outbox?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].id).toBe(id);
    expect(page2.nextCursor).toBeNull();
    expect((await get('/api/admin/outbox', 'warehouse')).statusCode).toBe(403);
  });

  it('shows a message with attachment names and sizes but not their bodies', async () => {
    const res = await get(`/api/admin/outbox/${id}`);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ subject: message.subject, text: message.text, html: message.html });
    expect(m.attachments).toEqual([{ index: 0, filename: 'PI-2026-0042.pdf', contentType: 'application/pdf', size: pdfBytes.length }]);
    expect(res.body).not.toContain(pdfBytes.toString('base64'));
    expect((await get('/api/admin/outbox/msg_missing')).statusCode).toBe(404);
  });

  it('serves the HTML for a sandboxed preview and the attachment as a download', async () => {
    const html = await get(`/api/admin/outbox/${id}/html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    const csp = String(html.headers['content-security-policy']);
    expect(csp).toContain('sandbox');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('allow-scripts');
    expect(html.body).toBe(message.html);

    const file = await get(`/api/admin/outbox/${id}/attachments/0`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment; filename="PI-2026-0042.pdf"');
    expect(file.rawPayload.equals(pdfBytes)).toBe(true);
    expect((await get(`/api/admin/outbox/${id}/attachments/1`)).statusCode).toBe(404);
    expect((await get(`/api/admin/outbox/${id}/attachments/x`)).statusCode).toBe(400);
  });
});
