import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { localeFromAcceptLanguage, STORE_LOCALES } from '../../../platform/i18n/i18n.js';
import type { OnBehalf } from '../commands/put-in-cart.js';
import type { ListViewer } from '../commands/order-lists.js';
import { findCompanyUser } from '../queries/people.js';

export type CustomerPrincipal = Extract<NonNullable<FastifyRequest['principal']>, { kind: 'customer' }>;

export function customerOf(req: FastifyRequest): CustomerPrincipal {
  const p = req.principal;
  if (!p || p.kind !== 'customer') throw new AppError('unauthenticated', 'Sign in to continue.');
  return p;
}

/** `?locale=` when it is a store locale, else the language of the path, else Accept-Language. */
export function storeLocale(req: FastifyRequest): string {
  const q = (req.query as { locale?: string } | undefined)?.locale ?? (req.params as { lang?: string } | undefined)?.lang;
  return q && (STORE_LOCALES as readonly string[]).includes(q) ? q : localeFromAcceptLanguage(req.headers['accept-language'], STORE_LOCALES);
}

/** The signed-in buyer as the reorder commands and the list rules see them. */
export async function buyerContext(db: Db, req: FastifyRequest, locale: string): Promise<{ who: OnBehalf; viewer: ListViewer }> {
  const p = customerOf(req);
  const user = await findCompanyUser(db, p.customerUserId);
  if (!user || user.customerId !== p.customerId) throw new AppError('unauthenticated', 'Sign in to continue.');
  const label = `${user.name} <${user.email}>`;
  return {
    who: { customerId: p.customerId, buyer: p, entrant: { type: 'customer', id: user.id, label, ip: req.ip, requestId: String(req.id) }, locale },
    viewer: { kind: 'customer', customerId: p.customerId, userId: user.id, label: user.name, isAdmin: user.role === 'admin' },
  };
}
