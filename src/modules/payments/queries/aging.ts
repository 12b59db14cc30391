import { gt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../../../platform/db/database.js';
import { paymentInvoices } from '../db/payments.schema.js';
import { agingReport, AGING_BUCKETS } from '../domain/aging.js';

export async function receivablesAging(tx: Db, asOf: Date) {
  const open = await tx.select().from(paymentInvoices).where(gt(paymentInvoices.outstanding, 0));
  return { asOf: asOf.toISOString(), ...agingReport(open.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueAt, outstanding: i.outstanding, currency: i.currency, customerId: i.customerId })), asOf) };
}

const LABELS: Record<(typeof AGING_BUCKETS)[number], string> = { d0_30: '0–30', d31_60: '31–60', d61_90: '61–90', d90_plus: '90+' };

/** The aging report as a workbook: amounts in minor units, one row per customer and currency, totals last. */
export async function agingWorkbook(report: Awaited<ReturnType<typeof receivablesAging>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Aging');
  ws.columns = [
    { header: 'Customer', key: 'customer', width: 30 },
    { header: 'Currency', key: 'currency', width: 10 },
    ...AGING_BUCKETS.map((b) => ({ header: `${LABELS[b]} days (minor units)`, key: b, width: 22 })),
    { header: 'Not yet due', key: 'notYetDue', width: 16 },
    { header: 'Total', key: 'total', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of [...report.rows, ...report.totals]) {
    ws.addRow({ customer: r.customerId === '*' ? 'TOTAL' : r.customerId, currency: r.currency, ...r.buckets, notYetDue: r.notYetDue, total: r.total });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
