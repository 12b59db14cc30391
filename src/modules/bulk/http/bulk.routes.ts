import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { localeFromAcceptLanguage, STORE_LOCALES, t } from '../../../platform/i18n/i18n.js';
import { CURRENCY_COOKIE } from '../../customers/index.js';
import type { BulkServices } from '../services.js';
import { COLUMN_KEYS } from '../domain/types.js';
import { UPLOAD_LIMITS } from '../files/inspect-upload.js';
import { buildTemplateCsv, buildTemplateXlsx } from '../files/template.js';
import { createUpload, type UploadFor } from '../commands/create-upload.js';
import { confirmUpload, fixCells, BULK_APPLY_JOB } from '../commands/apply-upload.js';
import { getUploadView, listUploads } from '../queries/upload-view.js';

const tags = ['bulk orders'];
const Id = z.object({ id: z.string().max(64) });
const StaffId = z.object({ customerId: z.string().max(64), id: z.string().max(64).optional() });
const FixBody = z.object({ fixes: z.array(z.object({ rowNo: z.number().int().min(1), column: z.enum(COLUMN_KEYS), value: z.string().max(500) })).min(1).max(500) });
const ConfirmBody = z.object({ acceptBackorders: z.boolean().default(false), orderAgain: z.boolean().default(false) }).default({ acceptBackorders: false, orderAgain: false });
const PadBody = z.object({ text: z.string().min(1).max(500_000), currency: z.string().regex(/^[A-Z]{3}$/).optional() });
const TemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), prefill: z.enum(['0', '1']).default('0'), locale: z.enum(STORE_LOCALES).optional() });

function localeOf(req: FastifyRequest): string {
  const q = (req.query as { locale?: string } | undefined)?.locale;
  return q && (STORE_LOCALES as readonly string[]).includes(q) ? q : localeFromAcceptLanguage(req.headers['accept-language'], STORE_LOCALES);
}

const currencyOf = (req: FastifyRequest, given?: string) => given || (req.cookies?.[CURRENCY_COOKIE] && /^[A-Z]{3}$/.test(req.cookies[CURRENCY_COOKIE]!) ? req.cookies[CURRENCY_COOKIE]! : 'EUR');

/**
 * The bulk order API, once for the signed-in buyer (/api/store/bulk/...) and once for staff
 * entering an order on a customer's behalf (/api/admin/bulk/customers/:customerId/...): the same
 * commands, the customer taken from the session or from the path, and the actor recorded.
 */
export function bulkRoutes(app: App, deps: AppDeps, services: BulkServices): void {
  const buyerWho = (req: FastifyRequest): UploadFor => {
    const p = req.principal;
    if (!p || p.kind !== 'customer') throw new AppError('unauthenticated', 'Sign in to order in bulk.');
    return { customerId: p.customerId, userId: p.customerUserId, actor: { ...actorOf(p, req.ip, String(req.id)) }, locale: localeOf(req), currency: currencyOf(req) };
  };
  const staffWho = (req: FastifyRequest): UploadFor => {
    const customerId = (req.params as { customerId: string }).customerId;
    return { customerId, userId: null, actor: actorOf(req.principal, req.ip, String(req.id)), locale: localeOf(req), currency: currencyOf(req) };
  };

  const sendTemplate = async (req: FastifyRequest, reply: FastifyReply, who: UploadFor) => {
    const q = TemplateQuery.parse(req.query);
    const locale = q.locale ?? who.locale;
    const labels = (await services.addressBook(deps.db, who.customerId)).map((b) => b.label);
    const prefill = q.prefill === '1' ? await services.mostOrdered(deps.db, who.customerId, 50) : [];
    const input = { locale, labels, prefill, today: deps.clock.now().toISOString().slice(0, 10) };
    const name = `${t(locale, 'bulk.template.filename')}.${q.format}`;
    reply.header('content-disposition', `attachment; filename="bulk-order-template.${q.format}"; filename*=UTF-8''${encodeURIComponent(name)}`).header('cache-control', 'private, no-store');
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(buildTemplateCsv(input));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await buildTemplateXlsx(input));
  };

  const readFile = async (req: FastifyRequest) => {
    const part = await (req as any).file();
    if (!part) throw new AppError('validation_failed', 'Attach the order file in a form field named "file".', { errors: [{ field: 'file', message: 'Choose the filled-in order file.' }] });
    const data: Buffer = await part.toBuffer().catch(() => {
      throw new AppError('payload_too_large', `The file is larger than ${UPLOAD_LIMITS.maxBytes / 1048576} MB. Split the order into several files.`, { errors: [{ field: 'file', message: 'Split the file.' }] });
    });
    const cur = (part.fields as Record<string, any>).currency;
    return { data, filename: String(part.filename ?? 'upload'), currency: cur && 'value' in cur && /^[A-Z]{3}$/.test(cur.value) ? String(cur.value) : undefined };
  };

  const variants = [
    { base: '/api/store/bulk', params: undefined, config: { customer: true } as FastifyContextConfig, who: buyerWho },
    { base: '/api/admin/bulk/customers/:customerId', params: StaffId, config: { permission: 'orders:write' } as FastifyContextConfig, who: staffWho },
  ];

  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: UPLOAD_LIMITS.maxBytes + 1, files: 1, fields: 5 } });
    const s = scope.withTypeProvider<ZodTypeProvider>();
    for (const v of variants) {
      const P = v.params ?? z.object({});
      s.get(`${v.base}/template`, { config: v.config, schema: { tags, summary: 'The bulk order template (xlsx or CSV), with the address book labels; prefill=1 lists the most ordered SKUs', params: P, querystring: TemplateQuery } }, (req, reply) =>
        sendTemplate(req, reply, v.who(req)),
      );
      s.post(`${v.base}/uploads`, { config: v.config, schema: { tags, summary: 'Upload a filled-in order file (xlsx or CSV); small files come back validated and priced, large ones validate in a job', consumes: ['multipart/form-data'], params: P } }, async (req, reply) => {
        const who = v.who(req);
        const f = await readFile(req);
        const id = await createUpload(deps, services, { ...who, currency: f.currency ?? who.currency }, { kind: 'file', filename: f.filename, data: f.data });
        return reply.status(201).send(await getUploadView(deps.db, id, who.customerId, who.locale));
      });
      s.post(`${v.base}/pad`, { config: v.config, schema: { tags, summary: 'Quick order pad: "SKU quantity [ship-to]" lines, validated and priced like an upload', params: P, body: PadBody } }, async (req, reply) => {
        const who = v.who(req);
        const id = await createUpload(deps, services, { ...who, currency: req.body.currency ?? who.currency }, { kind: 'pad', text: req.body.text });
        return reply.status(201).send(await getUploadView(deps.db, id, who.customerId, who.locale));
      });
      s.get(`${v.base}/uploads`, { config: v.config, schema: { tags, summary: 'Bulk orders of the customer, newest first', params: P } }, async (req) => ({ items: await listUploads(deps.db, v.who(req).customerId) }));
      s.get(`${v.base}/uploads/:id`, { config: v.config, schema: { tags, summary: 'A bulk order: progress, rows, issues (row, column, what to do), preview by ship-to, orders made', params: v.params ?? Id } }, async (req) => {
        const who = v.who(req);
        return getUploadView(deps.db, (req.params as { id: string }).id, who.customerId, who.locale);
      });
      s.patch(`${v.base}/uploads/:id/cells`, { config: v.config, schema: { tags, summary: 'Fix cells inline; the upload is validated and priced again', params: v.params ?? Id, body: FixBody } }, async (req) => {
        const who = v.who(req);
        const id = (req.params as { id: string }).id;
        await fixCells(deps, services, id, who.customerId, req.body.fixes);
        return getUploadView(deps.db, id, who.customerId, who.locale);
      });
      s.post(`${v.base}/uploads/:id/confirm`, { config: v.config, schema: { tags, summary: 'Confirm: one order per ship-to, placed by a job through the checkout rules', params: v.params ?? Id, body: ConfirmBody } }, async (req, reply) => {
        const who = v.who(req);
        const id = (req.params as { id: string }).id;
        await confirmUpload(deps, id, who.customerId, req.body);
        return reply.status(202).send(await getUploadView(deps.db, id, who.customerId, who.locale));
      });
      s.post(`${v.base}/uploads/:id/resume`, { config: v.config, schema: { tags, summary: 'Resume placing the orders of a confirmed upload (after a crash); places only what is still pending', params: v.params ?? Id } }, async (req, reply) => {
        const who = v.who(req);
        const id = (req.params as { id: string }).id;
        const view = await getUploadView(deps.db, id, who.customerId, who.locale);
        if (view.status === 'applying') await deps.jobs.enqueue(null, BULK_APPLY_JOB, { uploadId: id });
        return reply.status(202).send(view);
      });
      s.get(`${v.base}/skus`, { config: v.config, schema: { tags, summary: 'SKU autocomplete for the quick order pad', params: P, querystring: z.object({ q: z.string().min(1).max(60), locale: z.string().optional() }) } }, async (req) => {
        v.who(req);
        return { items: await services.searchSkus(deps.db, req.query.q.trim(), localeOf(req), 10) };
      });
    }
  });
}
