import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { createApiKey } from '../commands/create-api-key.js';
import { revokeApiKey } from '../commands/revoke-api-key.js';
import { listApiKeys } from '../queries/list-api-keys.js';
import { apiKeyView, createApiKeyBody } from './schemas.js';

/** Keys are managed by people only: a key cannot mint or revoke keys. */
export function apiKeyRoutes(app: App, deps: AppDeps): void {
  const access = { permission: 'apikeys:manage' as const, apiKey: false };

  app.get(
    '/api/admin/api-keys',
    {
      config: access,
      schema: { tags: ['admin: API keys'], summary: 'List API keys (never the keys themselves)', response: { 200: z.object({ items: z.array(apiKeyView) }) } },
    },
    async () => ({ items: await listApiKeys(deps) }),
  );

  app.post(
    '/api/admin/api-keys',
    {
      config: access,
      schema: {
        tags: ['admin: API keys'],
        summary: 'Create an API key; the key is in this response only',
        body: createApiKeyBody,
        response: { 201: z.object({ key: z.string(), apiKey: apiKeyView }) },
      },
    },
    async (req, reply) => {
      const created = await createApiKey(deps, actorOf(req.principal, req.ip, req.id), req.body);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/admin/api-keys/:id',
    {
      config: access,
      schema: { tags: ['admin: API keys'], summary: 'Revoke an API key', params: z.object({ id: z.string().max(100) }) },
    },
    async (req, reply) => {
      await revokeApiKey(deps, actorOf(req.principal, req.ip, req.id), req.params.id);
      return reply.status(204).send();
    },
  );
}
