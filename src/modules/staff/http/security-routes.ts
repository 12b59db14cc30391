import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { getSecuritySettings } from '../queries/security-settings.js';
import { updateSecuritySettings } from '../commands/update-security-settings.js';
import { displayIp } from '../domain/allowlist.js';
import { actorOfRequest } from './request.js';

const tags = ['security'];

const reply = z.object({
  require2faRoles: z.array(z.string()),
  ipAllowlist: z.array(z.string()),
  yourIp: z.string(),
});

/** The owner's security settings: 2FA per role and the back-office IP allowlist. */
export function securityRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/admin/security',
    {
      config: { permission: 'security:manage', apiKey: false },
      schema: { tags, summary: 'Security settings and the address you are calling from', response: { 200: reply } },
    },
    async (req) => {
      const s = await getSecuritySettings(deps);
      return { require2faRoles: s.require2faRoles, ipAllowlist: s.ipAllowlist, yourIp: displayIp(req.ip) };
    },
  );

  app.put(
    '/api/admin/security',
    {
      config: { permission: 'security:manage', apiKey: false },
      schema: {
        tags,
        summary: 'Set the roles that must use 2FA and the IP allowlist (CIDR or single IPv4/IPv6 addresses)',
        body: z.object({
          require2faRoles: z.array(z.string().max(40)).max(20),
          ipAllowlist: z.array(z.string().max(100)).max(500),
        }),
        response: { 200: reply },
      },
    },
    async (req) => {
      const s = await updateSecuritySettings(deps, actorOfRequest(req), req.ip, req.body);
      return { require2faRoles: s.require2faRoles, ipAllowlist: s.ipAllowlist, yourIp: displayIp(req.ip) };
    },
  );
}
