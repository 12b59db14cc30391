import type { AppModule } from '../../platform/http/types.js';
import { inquiryRoutes } from './http/inquiry-routes.js';

/**
 * Inquiries (RFQs) from the storefront and the sales inbox: statuses new → replied → quoted →
 * won/lost, assignment, replies by email, link to a customer record by email.
 */
export { submitInquiry, type CustomerDirectory } from './commands/submit-inquiry.js';
export { linkInquiriesByEmail } from './commands/manage-inquiry.js';
export { makeFormToken, MIN_FILL_MS } from './domain/spam.js';
export { INQUIRY_STATUSES, type InquiryStatus } from './domain/inquiry-status.js';

export const inquiriesModule: AppModule = {
  name: 'inquiries',
  routes(app, deps) {
    inquiryRoutes(app, deps);
  },
  async seedDemo(deps) {
    const { seedInquiriesDemo } = await import('./commands/seed-demo.js');
    await seedInquiriesDemo(deps);
  },
};
export { inquiriesOfBuyer } from './queries/inquiries-of-buyer.js';
