import nodemailer from 'nodemailer';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { JobDefinition, JobQueue } from '../jobs/queue.js';
import type { Clock } from '../clock/clock.js';
import type { Ids } from '../ids/ids.js';
import { mailMessages, type MailAttachment } from './mail.schema.js';

export interface MailMessage {
  to: string | string[];
  subject: string;
  html: string;
  text?: string;
  attachments?: MailAttachment[];
  /** What kind of message this is (staff.invite, inquiry.confirmation...), for the outbox view. */
  tag?: string;
  locale?: string;
}

export interface Mail {
  /** Records the message and enqueues its delivery in the caller's transaction. */
  enqueue(tx: Db, msg: MailMessage): Promise<string>;
  /** Whether messages go out over SMTP (false: they stay in the outbox). */
  readonly smtp: boolean;
}

export const MAIL_JOB = 'mail.send';

export function createMail(opts: { jobs: JobQueue; clock: Clock; ids: Ids; from: string; smtpUrl?: string }): Mail {
  return {
    smtp: !!opts.smtpUrl,
    async enqueue(tx, msg) {
      const id = opts.ids.make('msg');
      await tx.insert(mailMessages).values({
        id,
        to: Array.isArray(msg.to) ? msg.to : [msg.to],
        from: opts.from,
        subject: msg.subject,
        html: msg.html,
        text: msg.text ?? null,
        attachments: msg.attachments ?? [],
        tag: msg.tag ?? null,
        locale: msg.locale ?? null,
        createdAt: opts.clock.now(),
      });
      await opts.jobs.enqueue(tx, MAIL_JOB, { messageId: id });
      return id;
    },
  };
}

/** The delivery job: idempotent, a message already sent or parked in the outbox is skipped. */
export function mailJob(opts: { db: Db; clock: Clock; smtpUrl?: string }): JobDefinition<{ messageId: string }> {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
  return {
    name: MAIL_JOB,
    retryLimit: 8,
    retryDelaySeconds: 30,
    expireInSeconds: 120,
    concurrency: 2,
    async handler({ messageId }) {
      const [m] = await opts.db.select().from(mailMessages).where(eq(mailMessages.id, messageId));
      if (!m || m.status === 'sent' || m.status === 'outbox') return;
      if (!transport) {
        await opts.db.update(mailMessages).set({ status: 'outbox' }).where(eq(mailMessages.id, messageId));
        return;
      }
      try {
        const info = await transport.sendMail({
          from: m.from,
          to: m.to,
          subject: m.subject,
          html: m.html,
          text: m.text ?? undefined,
          attachments: m.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.contentBase64, 'base64'),
          })),
        });
        await opts.db
          .update(mailMessages)
          .set({ status: 'sent', sentAt: opts.clock.now(), providerMessageId: info.messageId, attempts: m.attempts + 1 })
          .where(eq(mailMessages.id, messageId));
      } catch (err) {
        await opts.db
          .update(mailMessages)
          .set({ status: 'failed', attempts: m.attempts + 1, lastError: (err as Error).message })
          .where(eq(mailMessages.id, messageId));
        throw err; // let the queue retry with backoff
      }
    },
  };
}
