import type { CliCommand } from '../types.js';

// Heavy imports happen inside run(): listing commands for --help stays fast.

export const commands: CliCommand[] = [
  {
    name: 'worker',
    summary: 'Run a background job worker (PostgreSQL; on the embedded database jobs run inside the server)',
    usage: '',
    needs: 'none',
    async run() {
      const { runWorker } = await import('../../worker.js');
      await runWorker();
      return 'running';
    },
  },
];
