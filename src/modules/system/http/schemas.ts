import { z } from 'zod';
import { JOB_STATES } from '../queries/find-jobs.js';

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  rateLimitPerHour: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const createApiKeyBody = z.object({
  name: z.string().max(100),
  scopes: z.array(z.string().max(64)).max(100),
  rateLimitPerHour: z.number().int().min(1).nullable().optional(),
});

export const isoInstant = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date or date-time, e.g. 2026-01-31T00:00:00Z');

export const pageLimit = z.coerce.number().int().min(1).max(200).optional();

export const auditQuery = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  cursor: z.string().max(100).optional(),
  limit: pageLimit,
});

export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const jobState = z.enum(JOB_STATES);

export const jobsQuery = z.object({
  state: jobState.optional(),
  name: z.string().max(200).optional(),
  limit: pageLimit,
});

export const jobView = z.object({
  id: z.string(),
  name: z.string(),
  state: jobState,
  data: z.unknown(),
  output: z.unknown(),
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
  createdOn: z.string(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
});

export const outboxQuery = z.object({
  status: z.enum(['queued', 'sent', 'outbox', 'failed']).optional(),
  tag: z.string().max(100).optional(),
  cursor: z.string().max(100).optional(),
  limit: pageLimit,
});

export const outboxItem = z.object({
  id: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  tag: z.string().nullable(),
  locale: z.string().nullable(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  attachmentCount: z.number().int(),
});

export const outboxMessage = outboxItem.extend({
  from: z.string(),
  html: z.string(),
  text: z.string().nullable(),
  attachments: z.array(z.object({ index: z.number().int(), filename: z.string(), contentType: z.string(), size: z.number().int() })),
});
