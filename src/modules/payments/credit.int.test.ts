import { decideApproval } from './commands/approvals.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { DATABASE_UNDER_TEST } from '../../platform/testing/harness.js';
import { query } from '../../platform/db/database.js';
import type { ManualClock } from '../../platform/clock/clock.js';
import { createCheckoutContext, LED_FIXTURE } from '../cart/checkout-fixture.js';
import { assertCreditForOrder } from './index.js';

const DAY = 86_400_000;

/** Net 30 invoices, the credit limit, the 60-day freeze that lifts when paid, override, aging. */
describe(`credit and receivables on ${DATABASE_UNDER_TEST}`, () => {
  let t: Awaited<ReturnType<typeof createCheckoutContext>>;
  let clock: ManualClock;
  beforeAll(async () => {
    t = await createCheckoutContext(LED_FIXTURE, { clock: 'manual' });
    clock = t.ctx.clock as ManualClock;
    await t.api.stock('LED-100W', 100);
    const now = clock.now();
    // A Net 30 dealer with a 1,000.00 EUR limit, as the customers module stores it.
    await query(t.ctx.deps.db, sql`INSERT INTO customers (id, kind, company_name, country, tier, payment_terms_days, credit_limit_minor, credit_currency, locale, status, created_at, updated_at)
      VALUES ('cus_net30', 'b2b', 'Lumen GmbH', 'DE', 'A', 30, 100000, 'EUR', 'en', 'active', ${now}, ${now})`);
  }, 120_000);
  afterAll(async () => t?.ctx.close());

  async function invoicedOrder() {
    const cart = await t.api.readyCart([{ sku: 'LED-100W', quantity: 2 }]);
    const order = (await t.api.checkout(cart, `k-${Math.random()}`)).json().order as { id: string; number: string; grandTotal: number };
    await query(t.ctx.deps.db, sql`UPDATE orders SET customer_id = 'cus_net30', company_name = 'Lumen GmbH' WHERE id = ${order.id}`);
    const inv = await t.api.admin('POST', `/api/admin/orders/${order.id}/invoice`, {});
    expect(inv.statusCode).toBe(201);
    return { ...order, invoice: inv.json() };
  }
  /** undefined when the order may go on terms, else what the buyer is told. */
  const check = (amount: number) =>
    t.ctx.deps.database
      .transaction((tx) => assertCreditForOrder(tx, 'cus_net30', clock.now(), { amount, currency: 'EUR' }))
      .then(
        () => undefined,
        (e: any) => ({ code: e.code, message: e.message as string, extra: e.details?.extra }),
      );

  it('a Net 30 invoice is due in 30 days; the limit check says by how much it is exceeded', async () => {
    const a = await invoicedOrder();
    expect(new Date(a.invoice.dueAt).getTime() - new Date(a.invoice.issuedAt).getTime()).toBe(30 * DAY);
    // Issuing twice is one invoice.
    expect((await t.api.admin('POST', `/api/admin/orders/${a.id}/invoice`, {})).json().id).toBe(a.invoice.id);
    const credit = (await t.api.admin('GET', '/api/admin/customers/cus_net30/credit')).json();
    expect(credit).toMatchObject({ paymentTermsDays: 30, limit: { amount: 100000, currency: 'EUR' }, openReceivables: a.grandTotal, freeze: { frozen: false } });
    expect(await check(100000 - a.grandTotal)).toBeUndefined();
    expect(await check(100000 - a.grandTotal + 123)).toMatchObject({ code: 'conflict', message: expect.stringContaining('by 1.23 EUR'), extra: { exceededBy: 123 } });
  });

  it('61 days overdue freezes ordering on terms with what to pay; paying lifts it; an override is audited', async () => {
    const old = (await query<any>(t.ctx.deps.db, sql`SELECT order_id, number, due_at FROM payment_invoices WHERE customer_id = 'cus_net30' ORDER BY issued_at LIMIT 1`))[0];
    const due = new Date(old.due_at).getTime();
    clock.set(new Date(due + 60 * DAY));
    expect(await check(100)).toBeUndefined();
    clock.set(new Date(due + 61 * DAY));
    expect(await check(100)).toMatchObject({ extra: { reason: 'credit_frozen' }, message: expect.stringContaining(old.number) });

    const banner = (await t.api.admin('GET', '/api/admin/customers/cus_net30/credit')).json();
    const desk = (await t.api.admin('GET', '/api/admin/finance/overview')).json();
    expect(desk.frozenCustomers).toEqual([expect.objectContaining({ customerId: 'cus_net30', frozen: true })]);
    expect(desk.overdueInvoices[0]).toMatchObject({ number: old.number, daysOverdue: 61 });
    expect(banner.freeze).toMatchObject({ frozen: true, overdue: [{ number: old.number, daysOverdue: 61 }] });

    const aging = (await t.api.admin('GET', '/api/admin/receivables/aging')).json();
    expect(aging.totals).toEqual([expect.objectContaining({ customerId: '*', currency: 'EUR', buckets: expect.objectContaining({ d61_90: banner.freeze.overdue[0].outstanding }) })]);
    const xlsx = await t.api.admin('GET', '/api/admin/receivables/aging?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    const rows = wb.getWorksheet('Aging')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.at(-1)).toContain('TOTAL');

    // Finance override with a reason, audited, carried out only when a second person approves it.
    const ov = await t.api.admin('PUT', '/api/admin/customers/cus_net30/freeze-override', { reason: 'Paid by cheque, clearing Monday' });
    expect(ov.statusCode).toBe(202);
    const approvalId = ov.json().approval.id;
    expect((await t.api.admin('POST', `/api/admin/finance/approvals/${approvalId}/approve`, {})).statusCode).toBe(403);
    expect(await check(100)).toMatchObject({ extra: { reason: 'credit_frozen' } });
    const second = { type: 'staff' as const, id: 'stf_second', label: 'Second approver', ip: '127.0.0.1', requestId: 'test' };
    expect((await decideApproval(t.ctx.deps, second, approvalId, 'approve')).status).toBe('approved');
    expect((await t.api.admin('GET', '/api/admin/customers/cus_net30/credit')).json().freeze).toMatchObject({ frozen: false, overridden: true });
    expect(await check(100)).toBeUndefined();
    const audit = await query<any>(t.ctx.deps.db, sql`SELECT action FROM audit_log WHERE entity_id = 'cus_net30'`);
    expect(audit.map((a) => a.action)).toContain('credit.freeze_overridden');
    await t.api.admin('DELETE', '/api/admin/customers/cus_net30/freeze-override');
    expect(await check(100)).toMatchObject({ extra: { reason: 'credit_frozen' } });

    // Paying the overdue invoice lifts the freeze by itself.
    const total = (await query<any>(t.ctx.deps.db, sql`SELECT grand_total::int AS g FROM orders WHERE id = ${old.order_id}`))[0].g;
    const paid = await t.api.admin('POST', `/api/admin/orders/${old.order_id}/payments`, { method: 'tt', reference: 'LATE-PAY-1', amount: total, currency: 'EUR' });
    expect(paid.statusCode).toBe(201);
    expect(await check(100)).toBeUndefined();
    const inv = (await query<any>(t.ctx.deps.db, sql`SELECT outstanding::int AS o, paid_at FROM payment_invoices WHERE order_id = ${old.order_id}`))[0];
    expect(inv.o).toBe(0);
    expect(inv.paid_at).not.toBeNull();
  });
});
