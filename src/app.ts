import Fastify, { type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppDeps, AppModule } from './platform/http/types.js';
import { installProblemHandlers } from './platform/http/problem.js';
import { enforceAccess } from './platform/http/access.js';
import { localeFromAcceptLanguage, UI_LOCALES } from './platform/i18n/i18n.js';
import { registerWebApps } from './platform/http/web-apps.js';
import { MODULES } from './modules/modules.js';

export interface BuildOptions {
  modules?: AppModule[];
  /** Log requests (off in tests and benchmarks unless asked). */
  logger?: boolean;
}

/** The Fastify instance with platform plugins and every module's routes; no listening here. */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<App> {
  const modules = opts.modules ?? MODULES;
  const app = Fastify({
    logger: opts.logger ? { level: deps.config.logLevel } : false,
    trustProxy: deps.config.trustProxy,
    genReqId: () => deps.ids.make('req'),
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const localeOf = (req: FastifyRequest) =>
    req.principal && 'locale' in req.principal
      ? req.principal.locale
      : localeFromAcceptLanguage(req.headers['accept-language'], UI_LOCALES);
  installProblemHandlers(app, localeOf);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tradelane API',
        version: '0.1.0',
        description:
          'Storefront API under /api/store, admin API under /api/admin (API key as `Authorization: Bearer <key>`, ' +
          'or a staff session cookie plus `X-CSRF-Token`). Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key created in the back office or with `tradelane apikey create`' },
          staffSession: { type: 'apiKey', in: 'cookie', name: 'tl_staff' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  // Every admin route must say which permission it needs: a forgotten check fails at start-up.
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (url.startsWith('/api/admin') && !route.config?.permission && !route.config?.staffSession && !route.config?.public) {
      throw new Error(`Route ${route.method} ${url} declares no permission`);
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    for (const m of modules) if (m.guard) await m.guard(req, deps);
    for (const m of modules) {
      if (!m.authenticate) continue;
      const p = await m.authenticate(req, reply, deps);
      if (p) {
        req.principal = p;
        break;
      }
    }
  });
  // Access is checked once the route is known (onRequest runs before routing config is final
  // for 404s, preValidation runs before the body is looked at).
  app.addHook('preValidation', async (req) => {
    enforceAccess(req);
  });

  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database kind',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }) },
      },
    },
    async () => {
      await deps.database.exec('SELECT 1');
      return { status: 'ok' as const, database: deps.database.kind };
    },
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  for (const m of modules) if (m.routes) await m.routes(app, deps);
  await registerWebApps(app, deps);
  return app;
}
