import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getOrder, proformaToken } from '../../orders/index.js';

/**
 * A buyer may act on an order they placed: signed in as its customer, or as a guest holding the
 * signed link given at checkout (the proforma token). Anyone else sees "not found".
 */
export async function assertBuyerOfOrder(req: FastifyRequest, deps: AppDeps, orderId: string, token: string | undefined) {
  const p = req.principal;
  if (token && token === proformaToken(deps, orderId)) return getOrder(deps.db, orderId);
  if (p?.kind === 'customer') return getOrder(deps.db, orderId, { customerId: p.customerId });
  throw new AppError('not_found', 'This order was not found. Sign in, or open the link from your order email.');
}
