import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError, notFound } from '../../../platform/errors/app-error.js';
import type { CheckoutServices } from '../../cart/index.js';
import { orderListLines, orderLists } from '../db/reorder.schema.js';

/**
 * Who looks at lists: a customer user (sees their own lists and the ones shared in their company)
 * or staff (any list of the customer they act for). The company check is here, on the server,
 * for every read and change: a list of another company is "not found".
 */
export type ListViewer = { kind: 'customer'; customerId: string; userId: string; label: string; isAdmin: boolean } | { kind: 'staff'; customerId: string; staffId: string; label: string };

export interface ListLineInput {
  sku: string;
  quantity: number;
  note?: string;
}

export interface ListInput {
  name: string;
  note?: string;
  shared?: boolean;
  lines?: ListLineInput[];
}

export type OrderListRow = typeof orderLists.$inferSelect;

function visibleTo(v: ListViewer) {
  if (v.kind === 'staff') return eq(orderLists.customerId, v.customerId);
  return and(eq(orderLists.customerId, v.customerId), or(eq(orderLists.shared, true), eq(orderLists.ownerUserId, v.userId)));
}

function mayEdit(v: ListViewer, l: OrderListRow): boolean {
  return v.kind === 'staff' || l.ownerUserId === v.userId || v.isAdmin;
}

export async function listOrderLists(tx: Db, v: ListViewer) {
  const rows = await tx
    .select({
      id: orderLists.id, name: orderLists.name, note: orderLists.note, shared: orderLists.shared, ownerUserId: orderLists.ownerUserId, ownerLabel: orderLists.ownerLabel,
      updatedAt: orderLists.updatedAt, version: orderLists.version,
      // Spelled out: inside the subquery a bare "id" would bind to the line's own id.
      lineCount: sql<number>`(SELECT count(*)::int FROM order_list_lines l WHERE l.list_id = "order_lists"."id")`,
    })
    .from(orderLists)
    .where(visibleTo(v))
    .orderBy(desc(orderLists.updatedAt), desc(orderLists.id));
  return rows.map((r) => ({ ...r, lineCount: Number(r.lineCount), updatedAt: r.updatedAt.toISOString(), mine: v.kind === 'customer' && r.ownerUserId === v.userId }));
}

export async function getOrderList(tx: Db, v: ListViewer, id: string, opts: { lock?: boolean } = {}) {
  const q = tx.select().from(orderLists).where(and(eq(orderLists.id, id), visibleTo(v)));
  const [list] = opts.lock ? await q.for('update') : await q;
  if (!list) throw notFound('List', id);
  const lines = await tx.select().from(orderListLines).where(eq(orderListLines.listId, id)).orderBy(asc(orderListLines.position));
  return { ...list, createdAt: list.createdAt.toISOString(), updatedAt: list.updatedAt.toISOString(), canEdit: mayEdit(v, list), lines };
}

/** SKU codes to today's SKUs; an unknown or unsold code names its line and says what to do. */
async function resolveLines(tx: Db, services: CheckoutServices, locale: string, lines: ListLineInput[]) {
  const codes = [...new Set(lines.map((l) => l.sku.trim()))];
  const ids = await services.skuIdsByCode(tx, codes);
  const skus = await services.skus(tx, locale, [...new Set(ids.values())]);
  const errors = [];
  const out = [];
  for (const [i, l] of lines.entries()) {
    const code = l.sku.trim();
    const s = ids.has(code) ? skus.get(ids.get(code)!) : undefined;
    if (!s || !s.sellable) errors.push({ field: `body.lines.${i}.sku`, message: `${code || '(empty)'} is not a SKU we sell. Check the code or remove the line.`, key: 'reorder.error.unknownSku', params: { sku: code } });
    else if (!Number.isInteger(l.quantity) || l.quantity < 1) errors.push({ field: `body.lines.${i}.quantity`, message: 'Enter a whole number of at least 1.', key: 'reorder.error.quantity' });
    else out.push({ skuId: s.skuId, sku: s.sku, name: s.name, quantity: l.quantity, note: (l.note ?? '').trim() });
  }
  if (errors.length) throw new AppError('validation_failed', errors[0]!.message + (errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''), { errors });
  return out;
}

async function writeLines(tx: Db, deps: Pick<AppDeps, 'ids'>, listId: string, lines: Awaited<ReturnType<typeof resolveLines>>) {
  await tx.delete(orderListLines).where(eq(orderListLines.listId, listId));
  if (lines.length) await tx.insert(orderListLines).values(lines.map((l, i) => ({ id: deps.ids.make('oll'), listId, position: i + 1, ...l })));
}

function checkName(name: string): string {
  const n = name.trim();
  if (!n || n.length > 120) throw new AppError('validation_failed', 'Give the list a name of 1 to 120 characters.', { errors: [{ field: 'body.name', message: 'required, at most 120 characters' }], key: 'reorder.error.name' });
  return n;
}

export async function createOrderList(deps: AppDeps, services: CheckoutServices, v: ListViewer, locale: string, input: ListInput) {
  const name = checkName(input.name);
  return deps.database.transaction(async (tx) => {
    const lines = await resolveLines(tx, services, locale, input.lines ?? []);
    const now = deps.clock.now();
    const id = deps.ids.make('olist');
    await tx.insert(orderLists).values({
      id, customerId: v.customerId, ownerUserId: v.kind === 'customer' ? v.userId : null, ownerLabel: v.label, name, note: input.note?.trim() ?? '',
      // A list staff keep for a customer is for the whole company.
      shared: v.kind === 'staff' ? true : !!input.shared, createdAt: now, updatedAt: now,
    });
    await writeLines(tx, deps, id, lines);
    return getOrderList(tx, v, id);
  });
}

/** Changes name, note, sharing and/or replaces the lines; `version` guards against a lost update. */
export async function updateOrderList(deps: AppDeps, services: CheckoutServices, v: ListViewer, locale: string, id: string, input: Partial<ListInput> & { version?: number }) {
  return deps.database.transaction(async (tx) => {
    const list = await getOrderList(tx, v, id, { lock: true });
    if (!list.canEdit) throw new AppError('forbidden', 'Only the person who made this list (or a company admin) can change it. Copy it to make your own.', { key: 'reorder.error.notOwner' });
    if (input.version !== undefined && input.version !== list.version) {
      throw new AppError('stale_write', 'Someone changed this list since you opened it. Reload it and make your change again.', { key: 'reorder.error.stale' });
    }
    const lines = input.lines ? await resolveLines(tx, services, locale, input.lines) : null;
    await tx
      .update(orderLists)
      .set({
        ...(input.name !== undefined ? { name: checkName(input.name) } : {}),
        ...(input.note !== undefined ? { note: input.note.trim() } : {}),
        ...(input.shared !== undefined ? { shared: input.shared } : {}),
        updatedAt: deps.clock.now(),
        version: sql`${orderLists.version} + 1`,
      })
      .where(eq(orderLists.id, id));
    if (lines) await writeLines(tx, deps, id, lines);
    return getOrderList(tx, v, id);
  });
}

export async function deleteOrderList(deps: AppDeps, v: ListViewer, id: string): Promise<void> {
  await deps.database.transaction(async (tx) => {
    const list = await getOrderList(tx, v, id, { lock: true });
    if (!list.canEdit) throw new AppError('forbidden', 'Only the person who made this list (or a company admin) can delete it.', { key: 'reorder.error.notOwner' });
    await tx.delete(orderListLines).where(eq(orderListLines.listId, id));
    await tx.delete(orderLists).where(eq(orderLists.id, id));
  });
}
