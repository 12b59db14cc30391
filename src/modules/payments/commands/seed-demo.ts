import type { AppDeps } from '../../../platform/http/types.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.js';
import { setMethodSettings } from './method-settings.js';
import { stripeSettings } from '../providers/stripe-settings.js';
import { paypalSettings } from './paypal-payment.js';

/**
 * Demo payment methods: bank transfer for everyone with demo bank details, so a dealer's order
 * shows the 30 % deposit and what to quote; L/C for dealers in USD and EUR; Western Union; card and PayPal for everyone when
 * their providers are configured; cash on delivery in the UAE and Saudi Arabia up to a limit.
 */
export async function seedPaymentsDemo(deps: AppDeps) {
  const instructions = (en: string, zh: string) => ({ en, 'zh-CN': zh });
  await setMethodSettings(deps, SYSTEM_ACTOR, 'tt', {
    enabled: true,
    countries: [],
    currencies: [],
    tiers: [],
    instructions: instructions('Pay to our HSBC account and quote the order number.', '请汇款至汇丰银行账户并注明订单号。'),
    bankDetails: { beneficiary: 'Lumentra Lighting Co., Ltd.', bankName: 'HSBC Hong Kong', accountNumber: '848-123456-838', swift: 'HSBCHKHHXXX', bankAddress: '1 Queen’s Road Central, Hong Kong' },
  });
  await setMethodSettings(deps, SYSTEM_ACTOR, 'lc', { enabled: true, countries: [], currencies: ['USD', 'EUR'], tiers: ['A', 'B'], instructions: {} });
  await setMethodSettings(deps, SYSTEM_ACTOR, 'western_union', { enabled: true, countries: [], currencies: [], tiers: [], instructions: instructions('Send to Lumentra Lighting, Zhongshan, China; enter the MTCN below.', '收款人：中山 Lumentra Lighting；请在下方填写 MTCN。') });
  await setMethodSettings(deps, SYSTEM_ACTOR, 'cod', { enabled: true, countries: ['AE', 'SA'], currencies: ['AED', 'SAR', 'USD'], tiers: [], instructions: {}, codFees: { AED: 1500, SAR: 1500, USD: 500 }, codMax: { AED: 500000, SAR: 500000, USD: 150000 } });
  if (stripeSettings(deps).gateway) await setMethodSettings(deps, SYSTEM_ACTOR, 'card', { enabled: true, countries: [], currencies: [], tiers: [], instructions: {} });
  if (paypalSettings(deps).gateway) await setMethodSettings(deps, SYSTEM_ACTOR, 'paypal', { enabled: true, countries: [], currencies: [], tiers: [], instructions: {} });
}
