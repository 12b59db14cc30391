import type { AppModule } from '../../platform/http/types.js';
import { rulesRoutes } from './http/rules.routes.js';
import { notifyPurchasingJob } from './jobs/notify-purchasing.js';

/**
 * Review rules: ordered "when … then …" rules that approve, hold or send orders to review, with
 * the explanation of every decision stored beside it. Channels (and the storefront's placing)
 * call `reviewOrder` inside their own transaction with the order's facts.
 */
export { reviewOrder, reviewOrders, ensureDefaultRules, DEFAULT_REVIEW_SETTINGS, type ReviewSettings, type ReviewResult } from './commands/review-order.js';
export { decideManually, type ManualAction } from './commands/manual-decision.js';
export { reviewHistory, reviewStates, findPurchasingTasks, type DecisionView } from './queries/review-state.js';
export { ordersInState, latestDecision } from './db/rules-repo.js';
export { evaluateRules, defaultRules } from './domain/engine.js';
export { explainText } from './domain/explain.js';
export type { OrderFacts, Shortage, Decision, Rule, RuleCondition, RuleAction, Outcome } from './domain/rule-types.js';

export const rulesModule: AppModule = {
  name: 'rules',
  routes: (app, deps) => rulesRoutes(app, deps),
  jobs: (deps) => [notifyPurchasingJob(deps)],
};
