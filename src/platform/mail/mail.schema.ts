import { pgTable, text, timestamp, jsonb, integer, index } from 'drizzle-orm/pg-core';

/** Every outgoing email: sent over SMTP when configured, otherwise kept here as the outbox. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: text('id').primaryKey(),
    to: text('to').array().notNull(),
    from: text('from').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text'),
    /** [{filename, contentType, contentBase64}] */
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    tag: text('tag'),
    locale: text('locale'),
    /** queued → sent | outbox | failed */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_messages_created_idx').on(t.createdAt)],
);

export interface MailAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}
