import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { attributeInputSchema, deleteAttribute, saveAttribute } from '../commands/attributes.js';
import { categoryInputSchema, deleteCategory, saveCategory } from '../commands/categories.js';
import { deleteProduct } from '../commands/delete-product.js';
import { saveProduct } from '../commands/save-product.js';
import { loadAttributeDefs } from '../db/attribute-defs.js';
import { productInputSchema } from '../domain/product-input.js';
import { getProductForEdit, listProductsAdmin } from '../queries/admin-products.js';
import { listCategoriesAdmin } from '../queries/admin-content.js';

const idParams = z.object({ id: z.string().min(1) });
const created = z.object({ id: z.string() });
const tags = ['catalog'];
const read = { permission: 'catalog:read' as const };
const write = { permission: 'catalog:write' as const };

/** Admin CRUD for categories, attribute definitions and products (with variants). */
export function adminCatalogRoutes(app: App, deps: AppDeps): void {
  const actor = (req: { principal?: any; ip: string; id: string }) => actorOf(req.principal, req.ip, req.id);

  // Categories
  app.get('/api/admin/catalog/categories', { config: read, schema: { tags, summary: 'Category tree with every language' } }, async () =>
    ({ items: await listCategoriesAdmin(deps.db) }),
  );
  app.post('/api/admin/catalog/categories', { config: write, schema: { tags, summary: 'Create a category', body: categoryInputSchema, response: { 201: created } } }, async (req, reply) => {
    const r = await deps.database.transaction((tx) => saveCategory(tx, deps, actor(req), undefined, req.body));
    return reply.status(201).send(r);
  });
  app.put('/api/admin/catalog/categories/:id', { config: write, schema: { tags, summary: 'Replace a category', params: idParams, body: categoryInputSchema, response: { 200: created } } }, async (req) =>
    deps.database.transaction((tx) => saveCategory(tx, deps, actor(req), req.params.id, req.body)),
  );
  app.delete('/api/admin/catalog/categories/:id', { config: write, schema: { tags, summary: 'Delete an empty category', params: idParams } }, async (req, reply) => {
    await deps.database.transaction((tx) => deleteCategory(tx, deps, actor(req), req.params.id));
    return reply.status(204).send();
  });

  // Attributes
  app.get('/api/admin/catalog/attributes', { config: read, schema: { tags, summary: 'Attribute definitions with values' } }, async () =>
    ({ items: await loadAttributeDefs(deps.db) }),
  );
  app.post('/api/admin/catalog/attributes', { config: write, schema: { tags, summary: 'Create an attribute', body: attributeInputSchema, response: { 201: created } } }, async (req, reply) => {
    const r = await deps.database.transaction((tx) => saveAttribute(tx, deps, actor(req), undefined, req.body));
    return reply.status(201).send(r);
  });
  app.put('/api/admin/catalog/attributes/:id', { config: write, schema: { tags, summary: 'Replace an attribute', params: idParams, body: attributeInputSchema, response: { 200: created } } }, async (req) =>
    deps.database.transaction((tx) => saveAttribute(tx, deps, actor(req), req.params.id, req.body)),
  );
  app.delete('/api/admin/catalog/attributes/:id', { config: write, schema: { tags, summary: 'Delete an unused attribute', params: idParams } }, async (req, reply) => {
    await deps.database.transaction((tx) => deleteAttribute(tx, deps, actor(req), req.params.id));
    return reply.status(204).send();
  });

  // Products
  app.get(
    '/api/admin/catalog/products',
    {
      config: read,
      schema: {
        tags, summary: 'Products (search by name or SKU)',
        querystring: z.object({
          q: z.string().max(200).optional(), categoryId: z.string().optional(), visibility: z.enum(['public', 'dealers', 'hidden']).optional(),
          expiredCertificates: z.enum(['true', 'false']).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => listProductsAdmin(deps.db, { ...req.query, expiredCertificates: req.query.expiredCertificates === 'true' }, deps.clock.now()),
  );
  app.get('/api/admin/catalog/products/:id', { config: read, schema: { tags, summary: 'One product for editing', params: idParams } }, async (req) =>
    getProductForEdit(deps.db, req.params.id, deps.clock.now()),
  );
  app.post('/api/admin/catalog/products', { config: write, schema: { tags, summary: 'Create a product with its variants', body: productInputSchema, response: { 201: created } } }, async (req, reply) => {
    const r = await deps.database.transaction((tx) => saveProduct(tx, deps, actor(req), undefined, req.body));
    return reply.status(201).send({ id: r.id });
  });
  app.put('/api/admin/catalog/products/:id', { config: write, schema: { tags, summary: 'Replace a product (variants matched by SKU)', params: idParams, body: productInputSchema, response: { 200: created } } }, async (req) => {
    const r = await deps.database.transaction((tx) => saveProduct(tx, deps, actor(req), req.params.id, req.body));
    return { id: r.id };
  });
  app.delete('/api/admin/catalog/products/:id', { config: write, schema: { tags, summary: 'Delete a product', params: idParams } }, async (req, reply) => {
    await deps.database.transaction((tx) => deleteProduct(tx, deps, actor(req), req.params.id));
    return reply.status(204).send();
  });
}
