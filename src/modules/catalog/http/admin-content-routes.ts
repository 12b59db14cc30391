import multipart from '@fastify/multipart';
import { desc, eq, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { query } from '../../../platform/db/database.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { deleteFile, FILE_KINDS, getFileMeta, storeFile } from '../../../platform/files/files.js';
import { storedFiles } from '../../../platform/files/files.schema.js';
import { deletePage, deleteTestimonial, pageInputSchema, savePage, saveTestimonial, testimonialInputSchema } from '../commands/pages.js';
import { getPageAdmin, listPagesAdmin, listTestimonialsAdmin } from '../queries/admin-content.js';
import { translationCoverage } from '../queries/coverage.js';
import { STORE_LOCALES } from '../domain/locales.js';

const idParams = z.object({ id: z.string().min(1) });
const created = z.object({ id: z.string() });
const tags = ['catalog'];
const read = { permission: 'catalog:read' as const };
const write = { permission: 'catalog:write' as const };

/** Upload limits per purpose (bytes). Videos are the big ones; the database holds them. */
export const UPLOAD_LIMITS = { image: 10 * 1024 * 1024, document: 30 * 1024 * 1024, video: 60 * 1024 * 1024 } as const;

export function adminContentRoutes(app: App, deps: AppDeps): void {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, req.id);

  app.get('/api/admin/catalog/pages', { config: read, schema: { tags, summary: 'Trust pages with every language' } }, async () => ({ items: await listPagesAdmin(deps.db) }));
  app.get('/api/admin/catalog/pages/:id', { config: read, schema: { tags, summary: 'One page', params: idParams } }, async (req) => getPageAdmin(deps.db, req.params.id));
  app.post('/api/admin/catalog/pages', { config: write, schema: { tags, summary: 'Create a page', body: pageInputSchema, response: { 201: created } } }, async (req, reply) =>
    reply.status(201).send(await deps.database.transaction((tx) => savePage(tx, deps, actor(req), undefined, req.body))),
  );
  app.put('/api/admin/catalog/pages/:id', { config: write, schema: { tags, summary: 'Replace a page', params: idParams, body: pageInputSchema, response: { 200: created } } }, async (req) =>
    deps.database.transaction((tx) => savePage(tx, deps, actor(req), req.params.id, req.body)),
  );
  app.delete('/api/admin/catalog/pages/:id', { config: write, schema: { tags, summary: 'Delete a page', params: idParams } }, async (req, reply) => {
    await deps.database.transaction((tx) => deletePage(tx, deps, actor(req), req.params.id));
    return reply.status(204).send();
  });

  app.get('/api/admin/catalog/testimonials', { config: read, schema: { tags, summary: 'Customer testimonials' } }, async () => ({ items: await listTestimonialsAdmin(deps.db) }));
  app.post('/api/admin/catalog/testimonials', { config: write, schema: { tags, summary: 'Add a testimonial', body: testimonialInputSchema, response: { 201: created } } }, async (req, reply) =>
    reply.status(201).send(await deps.database.transaction((tx) => saveTestimonial(tx, deps, actor(req), undefined, req.body))),
  );
  app.put('/api/admin/catalog/testimonials/:id', { config: write, schema: { tags, summary: 'Replace a testimonial', params: idParams, body: testimonialInputSchema, response: { 200: created } } }, async (req) =>
    deps.database.transaction((tx) => saveTestimonial(tx, deps, actor(req), req.params.id, req.body)),
  );
  app.delete('/api/admin/catalog/testimonials/:id', { config: write, schema: { tags, summary: 'Delete a testimonial', params: idParams } }, async (req, reply) => {
    await deps.database.transaction((tx) => deleteTestimonial(tx, deps, actor(req), req.params.id));
    return reply.status(204).send();
  });

  app.get(
    '/api/admin/catalog/coverage',
    {
      config: read,
      schema: {
        tags, summary: 'Translation coverage: which products, categories and pages lack which language',
        querystring: z.object({ entity: z.enum(['products', 'categories', 'pages']).default('products'), locale: z.enum(STORE_LOCALES).optional(), limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) }),
      },
    },
    async (req) => translationCoverage(deps.db, req.query.entity, req.query),
  );

  // Files: multipart upload, checked by content; catalog files are public, served at /media.
  app.get(
    '/api/admin/files',
    { config: read, schema: { tags: ['files'], summary: 'Uploaded catalog files', querystring: z.object({ purpose: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) } },
    async (req) => {
      const rows = await deps.db.select().from(storedFiles)
        .where(req.query.purpose ? eq(storedFiles.purpose, req.query.purpose) : like(storedFiles.purpose, 'catalog.%'))
        .orderBy(desc(storedFiles.createdAt)).limit(req.query.limit);
      return { items: rows.map((f) => ({ ...f, createdAt: f.createdAt.toISOString(), url: f.visibility === 'public' ? `/media/${f.id}/${encodeURIComponent(f.filename)}` : null })) };
    },
  );
  app.get('/api/admin/files/:id', { config: read, schema: { tags: ['files'], summary: 'File metadata', params: idParams } }, async (req) => {
    const f = await getFileMeta(deps.db, req.params.id);
    if (!f || !f.purpose.startsWith('catalog.')) throw new AppError('not_found', `File ${req.params.id} was not found.`);
    return { ...f, createdAt: f.createdAt.toISOString() };
  });
  app.delete('/api/admin/files/:id', { config: write, schema: { tags: ['files'], summary: 'Delete a file no product uses', params: idParams } }, async (req, reply) => {
    await deps.database.transaction(async (tx) => {
      const f = await getFileMeta(tx, req.params.id);
      if (!f || !f.purpose.startsWith('catalog.')) throw new AppError('not_found', `File ${req.params.id} was not found.`);
      const [use] = await query<{ n: string }>(tx, sql`SELECT
          (SELECT count(*) FROM catalog_product_images WHERE file_id = ${f.id}) + (SELECT count(*) FROM catalog_product_documents WHERE file_id = ${f.id})
          + (SELECT count(*) FROM catalog_certificates WHERE file_id = ${f.id}) + (SELECT count(*) FROM catalog_products WHERE video_file_id = ${f.id}) AS n`);
      if (Number(use!.n) > 0) throw new AppError('conflict', 'Products still use this file. Remove it from them first.');
      await deleteFile(tx, f.id);
      await recordAudit(tx, deps, actor(req), { action: 'file.deleted', entityType: 'file', entityId: f.id, details: { filename: f.filename } });
    });
    return reply.status(204).send();
  });

  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: UPLOAD_LIMITS.video + 1, files: 1, fields: 5 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/admin/files',
      {
        config: write,
        schema: {
          tags: ['files'], summary: 'Upload a catalog file (multipart field "file")', consumes: ['multipart/form-data'],
          querystring: z.object({ kind: z.enum(['image', 'document', 'video']) }),
        },
      },
      async (req, reply) => {
        const part = await req.file();
        if (!part) throw new AppError('validation_failed', 'Attach the file in a form field named "file".', { errors: [{ field: 'file', message: 'Choose a file.' }] });
        const kind = req.query.kind;
        const data = await part.toBuffer().catch(() => {
          throw new AppError('payload_too_large', `The file is larger than ${UPLOAD_LIMITS[kind] / 1024 / 1024} MB.`, { errors: [{ field: 'file', message: 'Upload a smaller file.' }] });
        });
        const f = await deps.database.transaction(async (tx) => {
          const stored = await storeFile(tx, deps, {
            data, filename: part.filename, visibility: 'public', purpose: `catalog.${kind}`, accept: FILE_KINDS[kind], maxBytes: UPLOAD_LIMITS[kind],
            createdBy: req.principal?.kind === 'staff' ? req.principal.staffId : null,
          });
          await recordAudit(tx, deps, actor(req), { action: 'file.uploaded', entityType: 'file', entityId: stored.id, details: { filename: stored.filename, contentType: stored.contentType, size: stored.sizeBytes } });
          return stored;
        });
        return reply.status(201).send({ ...f, createdAt: f.createdAt.toISOString(), url: `/media/${f.id}/${encodeURIComponent(f.filename)}` });
      },
    );
  });
}
