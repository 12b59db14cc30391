import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const inquiries = pgTable(
  'inquiries',
  {
    id: text('id').primaryKey(),
    /** new | replied | quoted | won | lost */
    status: text('status').notNull(),
    name: text('name').notNull(),
    company: text('company').notNull(),
    email: text('email').notNull(),
    country: text('country').notNull(),
    phone: text('phone'),
    message: text('message').notNull(),
    locale: text('locale').notNull(),
    sourceUrl: text('source_url'),
    /** Keyed hash of the sender's IP: enough for rate limiting, not a stored address. */
    ipHash: text('ip_hash'),
    assignedTo: text('assigned_to'),
    customerId: text('customer_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('inquiries_status_idx').on(t.status, t.createdAt),
    index('inquiries_email_idx').on(t.email),
    index('inquiries_ip_idx').on(t.ipHash, t.createdAt),
  ],
);

export const inquiryLines = pgTable(
  'inquiry_lines',
  {
    id: text('id').primaryKey(),
    inquiryId: text('inquiry_id').notNull(),
    productId: text('product_id'),
    variantId: text('variant_id'),
    sku: text('sku'),
    productName: text('product_name').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [index('inquiry_lines_inquiry_idx').on(t.inquiryId)],
);

/** The inquiry's history: status changes, assignments, replies sent, notes. */
export const inquiryEvents = pgTable(
  'inquiry_events',
  {
    id: text('id').primaryKey(),
    inquiryId: text('inquiry_id').notNull(),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    body: text('body'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    actorLabel: text('actor_label').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('inquiry_events_inquiry_idx').on(t.inquiryId, t.at)],
);

/** Inbox settings: who is notified of new inquiries. Key/value so new settings need no migration. */
export const inquirySettings = pgTable('inquiry_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
