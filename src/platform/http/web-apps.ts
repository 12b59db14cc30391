import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App, AppDeps } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Vite's output: dist/web/<app>/ (same place whether we run from src/ via tsx or from dist/). */
export const WEB_DIST = [path.resolve(here, '../../../dist/web'), path.resolve(here, '../../../web')].find((d) =>
  fs.existsSync(path.join(d, 'backoffice', 'index.html')),
);

/**
 * The back office is a single-page app served under /admin: hashed assets are cached forever,
 * every other /admin path returns index.html so deep links work.
 */
export async function registerWebApps(app: App, _deps: AppDeps): Promise<void> {
  const root = WEB_DIST ? path.join(WEB_DIST, 'backoffice') : undefined;
  if (root) {
    await app.register(fastifyStatic, {
      root: path.join(root, 'assets'),
      prefix: '/admin/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
    });
  }
  const sendIndex = async (_req: unknown, reply: any) => {
    if (!root) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The back office has not been built. Run `npm run build` (npm start does it for you).');
    }
    reply.header('cache-control', 'no-store');
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    return reply.type('text/html; charset=utf-8').send(fs.createReadStream(path.join(root, 'index.html')));
  };
  app.get('/admin', { config: { public: true }, schema: { hide: true } }, sendIndex);
  app.get('/admin/*', { config: { public: true }, schema: { hide: true } }, sendIndex);
}
