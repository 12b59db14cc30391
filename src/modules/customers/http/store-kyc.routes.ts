import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppDeps } from '../../../platform/http/types.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { answerInfoRequest, KYC_MAX_BYTES, submitApplication, type ApplicationInput, type Upload } from '../commands/kyc-apply.js';
import { customerOf, info } from './request.js';

const tags = ['store: account'];

/**
 * The dealer application: multipart with the fields as JSON in "application" and the files in
 * "licence" and "taxRegistration". Files are checked by content in platform/files and stored
 * privately; the size limit is enforced while streaming, so an oversized file is refused early.
 */
export function storeKycRoutes(app: App, deps: AppDeps): void {
  void app.register(async (plain) => {
    await plain.register(multipart, { limits: { fileSize: KYC_MAX_BYTES, files: 2, fields: 4, fieldSize: 64 * 1024 } });
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.post(
      '/api/store/account/application',
      { config: { customer: true }, bodyLimit: 2 * KYC_MAX_BYTES + 256 * 1024, schema: { tags, summary: 'Apply for a dealer account (multipart: application JSON, licence and taxRegistration files)', consumes: ['multipart/form-data'] } },
      async (req, reply) => {
        const p = customerOf(req);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Send the application as multipart/form-data with the two documents.');
        let input: ApplicationInput | undefined;
        const files: Record<string, Upload> = {};
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'licence' && part.fieldname !== 'taxRegistration') {
              await part.toBuffer().catch(() => undefined);
              continue;
            }
            let data: Buffer;
            try {
              data = await part.toBuffer();
            } catch {
              throw new AppError('payload_too_large', `${part.filename} is larger than ${KYC_MAX_BYTES / 1024 / 1024} MB.`, { errors: [{ field: part.fieldname, message: `Upload a file of at most ${KYC_MAX_BYTES / 1024 / 1024} MB.` }] });
            }
            files[part.fieldname] = { filename: part.filename, data };
          } else if (part.fieldname === 'application') {
            try {
              input = JSON.parse(String(part.value)) as ApplicationInput;
            } catch {
              throw new AppError('validation_failed', 'The application field must be JSON.', { errors: [{ field: 'application', message: 'not JSON' }] });
            }
          }
        }
        if (!input) throw new AppError('validation_failed', 'The form has no application field.', { errors: [{ field: 'application', message: 'missing' }] });
        const r = await submitApplication(deps, p.customerUserId, input, { licence: files.licence, taxRegistration: files.taxRegistration }, info(req));
        return reply.status(201).send({ id: r.id, status: r.status });
      },
    );
  });

  app.post(
    '/api/store/account/application/:id/answer',
    { config: { customer: true }, schema: { tags, summary: 'Answer the request for more information', params: z.object({ id: z.string().max(100) }), body: z.object({ answer: z.string().min(1).max(5000) }) } },
    async (req, reply) => {
      await answerInfoRequest(deps, customerOf(req).customerUserId, req.params.id, req.body.answer, info(req));
      return reply.status(204).send();
    },
  );
}
