import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { addOrderNoteTx } from '../../orders/index.js';
import { customerContext } from '../queries/customer-context.js';

const tags = ['channels'];

/** The order workspace's side panel: the buyer's history, and internal notes on the order. */
export function orderContextRoutes(app: App, deps: AppDeps): void {
  app.get('/api/admin/orderhub/orders/:id/customer', {
    config: { permission: 'orders:read' },
    schema: {
      tags,
      summary: "The buyer's history beside an order: past orders with payments, overdue invoices, inquiries, internal notes, addresses delivered to",
      params: z.object({ id: z.string() }),
    },
  }, async (req) => customerContext(deps, req.params.id));

  app.post('/api/admin/orderhub/orders/:id/notes', {
    config: { permission: 'orders:read' },
    schema: {
      tags,
      summary: 'Add an internal note to an order (staff only; on the timeline, never shown to the buyer)',
      params: z.object({ id: z.string() }),
      body: z.object({ text: z.string().max(4000) }),
      response: { 201: z.object({ id: z.string(), at: z.string() }) },
    },
  }, async (req, reply) => {
    const r = await deps.database.transaction((tx) => addOrderNoteTx(tx, deps, actorOf(req.principal, req.ip, String(req.id)), req.params.id, req.body.text));
    return reply.status(201).send(r);
  });
}
