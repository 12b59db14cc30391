import { runWorker } from './worker.js';

runWorker().catch((e) => {
  console.error(e);
  process.exit(1);
});
