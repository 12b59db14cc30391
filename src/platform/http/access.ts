import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { Principal } from '../auth/principal.js';
import { CSRF_FIELD, CSRF_HEADER, csrfFailed, isMultipart, sameToken } from './csrf.js';
import { roleHas, scopesHave, type Permission } from '../../modules/staff/domain/roles.js';

/**
 * Route-level access declarations. Every route under /api/admin must declare `permission`
 * (buildApp refuses to start otherwise), so a forgotten check is a start-up error, not a hole.
 *
 *   config: { permission: 'staff:read' }           staff with the permission, or a key with the scope
 *   config: { permission: 'staff:read', apiKey: false }  people only
 *   config: { staffSession: 'password' }           a staff session that may still owe its 2FA code
 *   config: { customer: true }                     a signed-in buyer (customers module)
 *   config: { public: true }                       anyone
 *   config: { csrfInMultipart: true }              a multipart form route that checks the `_csrf`
 *                                                  part itself (see csrf.ts)
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
    apiKey?: boolean;
    staffSession?: 'password' | 'full';
    customer?: boolean;
    public?: boolean;
    csrfInMultipart?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function enforceAccess(req: FastifyRequest): void {
  const cfg = req.routeOptions.config ?? {};
  const p = req.principal;

  // Cookie-authenticated changes must carry the session's CSRF token (synchronizer token):
  // in the X-CSRF-Token header, or as the `_csrf` field of a plain HTML form (see csrf.ts).
  // API keys travel in a header a cross-site form cannot set, so they need none.
  if (p && (p.kind === 'staff' || p.kind === 'customer') && !SAFE_METHODS.has(req.method)) {
    const header = req.headers[CSRF_HEADER];
    const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    const deferred = cfg.csrfInMultipart === true && header === undefined && isMultipart(req);
    if (!deferred && !sameToken(header ?? field, p.csrfToken)) throw csrfFailed();
  }

  if (cfg.public) return;

  if (cfg.staffSession) {
    if (!p || p.kind !== 'staff') throw unauthenticated();
    if (cfg.staffSession === 'full' && !p.mfaPassed) throw mfaOwed();
    return;
  }

  if (cfg.customer) {
    if (!p || p.kind !== 'customer') throw unauthenticated();
    if (!p.mfaPassed) throw mfaOwed();
    return;
  }

  if (cfg.permission) {
    if (!p) throw unauthenticated();
    if (p.kind === 'apikey') {
      if (cfg.apiKey === false) throw new AppError('forbidden', 'This action is not available to API keys.');
      if (!scopesHave(p.scopes, cfg.permission)) {
        throw new AppError('forbidden', `This API key lacks the scope ${cfg.permission}.`);
      }
      return;
    }
    if (p.kind !== 'staff') throw unauthenticated();
    if (!p.mfaPassed) throw mfaOwed();
    if (p.mustEnrollMfa) {
      throw new AppError('forbidden', 'Your role requires two-factor authentication. Set it up in your account first.', {
        extra: { mustEnrollMfa: true },
      });
    }
    if (!roleHas(p.role, cfg.permission)) {
      throw new AppError('forbidden', `Your role (${p.role}) does not allow this (needs ${cfg.permission}).`);
    }
    return;
  }
  // Routes that declare nothing are public pages and assets; /api/admin routes cannot get here.
}

const unauthenticated = () => new AppError('unauthenticated', 'Sign in to continue.');
const mfaOwed = () =>
  new AppError('mfa_required', 'Enter the code from your authenticator app to finish signing in.');
