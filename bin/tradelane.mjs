#!/usr/bin/env node
// `npx tradelane <command>`: runs src/cli.ts through tsx, so it works on a fresh clone after
// `npm ci` with no build step (npx finds this file through package.json "bin").
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
const code = await runCli(process.argv.slice(2));
if (code !== 'running') {
  // pg-boss and pools may leave timers behind; the command is done, so leave now
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
