import { createTestContext, type TestContext } from '../../../platform/testing/harness.js';
import { MODULES } from '../../modules.js';
import { rulesModule } from '../../rules/index.js';
import { webhooksModule } from '../../webhooks/index.js';
import { createChannelsModule } from '../index.js';
import { createTestPorts } from './test-ports.js';

/** A test app with the order hub wired to test ports (real inventory, in-memory orders). */
export async function createHubContext(opts: Parameters<typeof createTestPorts>[0]): Promise<TestContext & { ports: ReturnType<typeof createTestPorts>['ports'] }> {
  const tp = createTestPorts(opts);
  const mine = new Set(['channels', 'rules', 'webhooks']);
  const modules = [...MODULES.filter((m) => !mine.has(m.name)), webhooksModule, rulesModule, createChannelsModule({ ports: tp.ports })];
  const ctx = await createTestContext({ modules });
  tp.bind(ctx.deps);
  return Object.assign(ctx, { ports: tp.ports });
}
