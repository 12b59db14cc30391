import { z } from 'zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { findJobs } from '../queries/find-jobs.js';
import { retryJob } from '../commands/retry-job.js';
import { jobState, jobsQuery, jobView } from './schemas.js';

export function jobRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/admin/jobs',
    {
      config: { permission: 'jobs:read' },
      schema: {
        tags: ['admin: jobs'],
        summary: 'Background jobs: counts per state and the latest jobs (secrets in payloads are masked)',
        querystring: jobsQuery,
        response: { 200: z.object({ counts: z.record(jobState, z.number().int()), items: z.array(jobView) }) },
      },
    },
    async (req) => findJobs(deps, req.query),
  );

  app.post(
    '/api/admin/jobs/:name/:id/retry',
    {
      config: { permission: 'jobs:manage' },
      schema: {
        tags: ['admin: jobs'],
        summary: 'Retry a failed job',
        params: z.object({ name: z.string().max(200), id: z.string().max(64) }),
      },
    },
    async (req, reply) => {
      await retryJob(deps, actorOf(req.principal, req.ip, req.id), req.params.name, req.params.id);
      return reply.status(204).send();
    },
  );
}
