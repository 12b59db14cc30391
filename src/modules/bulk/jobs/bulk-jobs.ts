import type { AppDeps } from '../../../platform/http/types.js';
import type { JobDefinition } from '../../../platform/jobs/queue.js';
import type { BulkServices } from '../services.js';
import { BULK_VALIDATE_JOB, validateUpload } from '../commands/create-upload.js';
import { applyUpload, BULK_APPLY_JOB } from '../commands/apply-upload.js';

/** Validating a large file and placing a confirmed upload's orders run here, off the request: closing the page stops neither. */
export function bulkJobs(deps: AppDeps, services: () => BulkServices): JobDefinition[] {
  return [
    { name: BULK_VALIDATE_JOB, expireInSeconds: 30 * 60, retryLimit: 3, handler: async (d: { uploadId: string }) => validateUpload(deps, services(), d.uploadId) },
    // A worker that dies mid-apply leaves the job active; it expires and is retried, resuming at the first pending order.
    { name: BULK_APPLY_JOB, expireInSeconds: 30 * 60, retryLimit: 10, retryDelaySeconds: 5, handler: async (d: { uploadId: string }) => applyUpload(deps, services(), d.uploadId) },
  ];
}
