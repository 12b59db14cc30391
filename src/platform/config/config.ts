import { z } from 'zod';
import path from 'node:path';

/**
 * Configuration comes from the environment only, is validated once at start, and a bad value
 * stops the start with a message naming the variable. Every other part of the code receives the
 * parsed `Config` through deps; nothing reads process.env elsewhere.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TRUST_PROXY: bool.default(false),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Tradelane <no-reply@tradelane.local>'),
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().min(1).max(60 * 24 * 30).default(120),
  API_KEY_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(1000),
  JOB_WORKERS: z.enum(['inline', 'process', 'off']).optional(),
  DEMO_DATA: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FX_SOURCE_URL: z.url().default('https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml'),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, 'must be a Stripe secret key (sk_... or rk_...)').optional(),
  STRIPE_API_BASE: z.url().optional(),
  STRIPE_WEBHOOK_SECRETS: z.string().optional(),
  PAYPAL_CLIENT_ID: z.string().min(1).optional(),
  PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
  PAYPAL_API_BASE: z.url().default('https://api-m.sandbox.paypal.com'),
  PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
  FINANCE_SECOND_APPROVAL_ABOVE: z.coerce.number().int().min(0).default(5000),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseKind: 'pglite' | 'postgresql';
  databasePoolSize: number;
  trustProxy: boolean;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  appSecret: string | undefined;
  sessionTtlMs: number;
  sessionIdleMs: number;
  apiKeyRateLimitPerHour: number;
  /** inline: jobs run in the server process; process: a forked worker; off: none here. */
  jobWorkers: 'inline' | 'process' | 'off';
  demoData: boolean;
  logLevel: Env['LOG_LEVEL'];
  fxSourceUrl: string;
  /** Card payments (Stripe): unset key = card not offered. Webhook secrets: old and new during a rotation. */
  stripe: { secretKey: string | undefined; apiBase: string | undefined; webhookSecrets: string[] };
  /** PayPal Orders v2: unset client id = PayPal not offered. */
  paypal: { clientId: string | undefined; clientSecret: string | undefined; apiBase: string; webhookId: string | undefined };
  /** Finance adjustments (refunds, credit limits) above this many major units need a second approver. */
  financeSecondApprovalAbove: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings are treated as unset: `PORT= npm start` should mean "default", not "invalid".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const e = parsed.data;
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  const kind = e.DATABASE_URL ? 'postgresql' : 'pglite';
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseKind: kind,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    trustProxy: e.TRUST_PROXY,
    publicUrl: (e.PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    appSecret: e.APP_SECRET,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    apiKeyRateLimitPerHour: e.API_KEY_RATE_LIMIT_PER_HOUR,
    jobWorkers: e.JOB_WORKERS ?? (kind === 'pglite' ? 'inline' : 'process'),
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    fxSourceUrl: e.FX_SOURCE_URL,
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY,
      apiBase: e.STRIPE_API_BASE,
      webhookSecrets: (e.STRIPE_WEBHOOK_SECRETS ?? '').split(',').map((v) => v.trim()).filter(Boolean),
    },
    paypal: { clientId: e.PAYPAL_CLIENT_ID, clientSecret: e.PAYPAL_CLIENT_SECRET, apiBase: e.PAYPAL_API_BASE, webhookId: e.PAYPAL_WEBHOOK_ID },
    financeSecondApprovalAbove: e.FINANCE_SECOND_APPROVAL_ABOVE,
  };
}
