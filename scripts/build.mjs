// Builds what `npm start` runs: the server (TypeScript → dist/src via esbuild, type-checking is
// `npm run typecheck`) and the web apps (Vite → dist/web). With --if-stale, a part whose sources
// are older than its last build is skipped, so a second `npm start` starts at once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ifStale = process.argv.includes('--if-stale');

function walk(dir, filter, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, filter, out);
    else if (filter(p)) out.push(p);
  }
  return out;
}
const newest = (files) => files.reduce((m, f) => Math.max(m, fs.statSync(f).mtimeMs), 0);
const stamp = (name) => path.join(root, 'dist', `.${name}.built`);
function stale(name, inputs) {
  if (!ifStale) return true;
  const s = stamp(name);
  return !fs.existsSync(s) || newest(inputs) > fs.statSync(s).mtimeMs;
}
function mark(name) {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(stamp(name), new Date().toISOString());
}

const isServerSource = (p) => /\.(ts|mts)$/.test(p) && !/\.test\.ts$/.test(p) && !p.endsWith('.d.ts');
const serverInputs = [...walk(path.join(root, 'src'), isServerSource), path.join(root, 'package.json')];
if (stale('server', serverInputs)) {
  const t = Date.now();
  fs.rmSync(path.join(root, 'dist', 'src'), { recursive: true, force: true });
  await esbuild({
    entryPoints: serverInputs.filter((p) => p.endsWith('.ts')),
    outdir: path.join(root, 'dist', 'src'),
    outbase: path.join(root, 'src'),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  mark('server');
  console.log(`built server in ${Date.now() - t} ms`);
}

const webInputs = walk(path.join(root, 'web'), (p) => /\.(tsx?|css|html|json|svg)$/.test(p));
webInputs.push(path.join(root, 'vite.config.ts'));
if (fs.existsSync(path.join(root, 'web', 'backoffice', 'index.html')) && stale('web', webInputs.filter(fs.existsSync))) {
  const t = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  mark('web');
  console.log(`built web apps in ${Date.now() - t} ms`);
}
