import multipart from '@fastify/multipart';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { catalogImports } from '../db/catalog.schema.js';
import { MAX_IMPORT_BYTES, previewImport, startImport } from '../commands/import-products.js';
import { importTranslations } from '../commands/import-translations.js';
import { exportProductRows, toCsv, toXlsx } from '../queries/export-products.js';
import { translationRows } from '../queries/translations.js';
import { STORE_LOCALES } from '../domain/locales.js';

const tags = ['catalog import/export'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function adminImportRoutes(app: App, deps: AppDeps): void {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, req.id);

  app.get(
    '/api/admin/catalog/export',
    { config: { permission: 'catalog:read' }, schema: { tags, summary: 'Export every product in our import template (xlsx or csv)', querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) } },
    async (req, reply) => {
      const rows = await exportProductRows(deps.db);
      const stamp = deps.clock.now().toISOString().slice(0, 10);
      if (req.query.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="products-${stamp}.csv"`).send('\ufeff' + toCsv(rows));
      }
      return reply.type(XLSX).header('content-disposition', `attachment; filename="products-${stamp}.xlsx"`).send(await toXlsx(rows));
    },
  );

  app.get(
    '/api/admin/catalog/translations/export',
    { config: { permission: 'catalog:read' }, schema: { tags, summary: 'One language of product content as xlsx for a translator', querystring: z.object({ locale: z.enum(STORE_LOCALES), source: z.enum(STORE_LOCALES).default('en') }) } },
    async (req, reply) => {
      const rows = await translationRows(deps.db, req.query.locale, req.query.source);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="translation-${req.query.locale}.xlsx"`).send(await toXlsx(rows, `Translation ${req.query.locale}`));
    },
  );

  app.get('/api/admin/catalog/imports', { config: { permission: 'catalog:read' }, schema: { tags, summary: 'Recent imports' } }, async () => {
    const rows = await deps.db.select().from(catalogImports).orderBy(desc(catalogImports.createdAt)).limit(50);
    return { items: rows.map((r) => ({ ...r, errors: r.errors.slice(0, 5), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() })) };
  });
  app.get('/api/admin/catalog/imports/:id', { config: { permission: 'catalog:read' }, schema: { tags, summary: 'Import status, progress and row errors', params: z.object({ id: z.string() }) } }, async (req) => {
    const [r] = await deps.db.select().from(catalogImports).where(eq(catalogImports.id, req.params.id));
    if (!r) throw new AppError('not_found', `Import ${req.params.id} was not found.`);
    return { ...r, progress: r.totalRows ? Math.round((r.processedRows / r.totalRows) * 100) : 100, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
  });
  app.post(
    '/api/admin/catalog/imports/:id/apply',
    { config: { permission: 'catalog:write' }, schema: { tags, summary: 'Apply a previewed import (runs as a job; poll the import for progress)', params: z.object({ id: z.string() }), body: z.object({ currency: z.string().regex(/^[A-Z]{3}$/).default('USD') }).default({ currency: 'USD' }) } },
    async (req, reply) => {
      await startImport(deps, actor(req), req.params.id, req.body);
      return reply.status(202).send({ id: req.params.id, status: 'applying' });
    },
  );

  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1, fields: 5 } });
    const s = scope.withTypeProvider<ZodTypeProvider>();
    const readUpload = async (req: any) => {
      const part = await req.file();
      if (!part) throw new AppError('validation_failed', 'Attach the file in a form field named "file".', { errors: [{ field: 'file', message: 'Choose a file.' }] });
      const data: Buffer = await part.toBuffer().catch(() => {
        throw new AppError('payload_too_large', 'The file is larger than 20 MB.', { errors: [{ field: 'file', message: 'Split the file.' }] });
      });
      return { data, filename: part.filename as string };
    };
    s.post(
      '/api/admin/catalog/imports',
      {
        config: { permission: 'catalog:write' },
        schema: {
          tags, summary: 'Upload products (our xlsx/csv template or a Shopify product CSV) and preview row by row', consumes: ['multipart/form-data'],
          querystring: z.object({ format: z.enum(['auto', 'shopify', 'tradelane']).default('auto'), locale: z.enum(STORE_LOCALES).default('en'), currency: z.string().regex(/^[A-Z]{3}$/).default('USD') }),
        },
      },
      async (req, reply) => reply.status(201).send(await previewImport(deps, actor(req), await readUpload(req), req.query)),
    );
    s.post(
      '/api/admin/catalog/translations/import',
      { config: { permission: 'catalog:write' }, schema: { tags, summary: 'Import a translated xlsx for one language', consumes: ['multipart/form-data'], querystring: z.object({ locale: z.enum(STORE_LOCALES) }) } },
      async (req) => importTranslations(deps, actor(req), req.query.locale, await readUpload(req)),
    );
  });
}
