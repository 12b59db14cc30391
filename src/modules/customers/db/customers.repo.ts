import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { randomToken } from '../../../platform/ids/ids.js';
import type { Ids } from '../../../platform/ids/ids.js';
import { customerSettingsSchema, DEFAULT_CUSTOMER_SETTINGS, type CustomerSettings } from '../domain/settings.js';
import { customers, customerSettings, customerTokens, customerUsers } from './customers.schema.js';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerUserRow = typeof customerUsers.$inferSelect;

export const normaliseEmail = (email: string) => email.normalize('NFC').trim().toLowerCase();
export const hashToken = (t: string) => crypto.createHash('sha256').update(t, 'utf8').digest('hex');

export async function findUserByEmail(tx: Db, email: string): Promise<CustomerUserRow | undefined> {
  const [u] = await tx.select().from(customerUsers).where(eq(customerUsers.email, normaliseEmail(email)));
  return u;
}

export async function findUser(tx: Db, id: string, lock = false): Promise<CustomerUserRow | undefined> {
  const q = tx.select().from(customerUsers).where(eq(customerUsers.id, id));
  const [u] = lock ? await q.for('update') : await q;
  return u;
}

export async function findCustomer(tx: Db, id: string, lock = false): Promise<CustomerRow | undefined> {
  const q = tx.select().from(customers).where(eq(customers.id, id));
  const [c] = lock ? await q.for('update') : await q;
  return c;
}

export async function issueToken(tx: Db, ids: Ids, userId: string, purpose: 'verify' | 'reset' | 'invite', now: Date, ttlMs: number): Promise<string> {
  // A new link replaces older unused links of the same purpose.
  await tx.update(customerTokens).set({ usedAt: now }).where(and(eq(customerTokens.userId, userId), eq(customerTokens.purpose, purpose), isNull(customerTokens.usedAt)));
  const token = randomToken(32);
  await tx.insert(customerTokens).values({ id: ids.make('ctk'), userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMs), createdAt: now });
  return token;
}

/** Marks a live token used and returns its user id, or null (unknown, used or expired). */
export async function consumeToken(tx: Db, token: string, purpose: string, now: Date): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const [row] = await tx.select().from(customerTokens).where(eq(customerTokens.tokenHash, hashToken(token))).for('update');
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
  await tx.update(customerTokens).set({ usedAt: now }).where(eq(customerTokens.id, row.id));
  return row.userId;
}

export async function loadCustomerSettings(tx: Db): Promise<CustomerSettings> {
  const [row] = await tx.select().from(customerSettings).where(eq(customerSettings.id, 'default'));
  return row ? customerSettingsSchema.parse(row.settings) : DEFAULT_CUSTOMER_SETTINGS;
}
