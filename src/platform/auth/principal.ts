import type { StaffRole } from '../../modules/staff/domain/roles.js';

/** Who is making a request, as established by the server (never taken from the client). */
export type Principal =
  | {
      kind: 'staff';
      staffId: string;
      email: string;
      name: string;
      role: StaffRole;
      locale: string;
      sessionId: string;
      csrfToken: string;
      /** false while a 2FA code is still owed (password accepted, TOTP not yet given). */
      mfaPassed: boolean;
      /** true when the role requires 2FA and the person has not enrolled yet. */
      mustEnrollMfa: boolean;
    }
  | {
      kind: 'apikey';
      keyId: string;
      name: string;
      scopes: string[];
    }
  | {
      kind: 'customer';
      customerUserId: string;
      customerId: string;
      sessionId: string;
      csrfToken: string;
      mfaPassed: boolean;
      /** Approved dealer tier (set by the customers module from an approved application), else null. */
      dealerTier?: string | null;
      /** Whether this buyer may see products marked for dealers (approved, and the tier allowed). */
      seesDealerProducts?: boolean;
    };

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;
export type ApiKeyPrincipal = Extract<Principal, { kind: 'apikey' }>;

/** What the audit log records about the actor of a change. */
export interface Actor {
  type: 'staff' | 'apikey' | 'customer' | 'system' | 'cli';
  id: string | null;
  label: string;
  ip: string | null;
  requestId: string | null;
}

export function actorOf(p: Principal | undefined, ip: string | null, requestId: string | null): Actor {
  if (!p) return { type: 'system', id: null, label: 'anonymous', ip, requestId };
  switch (p.kind) {
    case 'staff':
      return { type: 'staff', id: p.staffId, label: p.email, ip, requestId };
    case 'apikey':
      return { type: 'apikey', id: p.keyId, label: `API key ${p.name}`, ip, requestId };
    case 'customer':
      return { type: 'customer', id: p.customerUserId, label: p.customerUserId, ip, requestId };
  }
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'system', ip: null, requestId: null };
export const cliActor = (label = 'cli'): Actor => ({ type: 'cli', id: null, label, ip: null, requestId: null });
