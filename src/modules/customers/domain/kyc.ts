/**
 * The dealer application lifecycle as a table. `transition` is pure: it returns the new status
 * and the mail to send, or an error a person can act on.
 */
export type KycStatus = 'submitted' | 'info_requested' | 'approved' | 'rejected';
export type KycEvent = 'request_info' | 'answer_info' | 'approve' | 'reject';

const TABLE: Record<KycEvent, { from: KycStatus[]; to: KycStatus; mail: string }> = {
  request_info: { from: ['submitted'], to: 'info_requested', mail: 'customers.mail.kycInfoRequested' },
  answer_info: { from: ['info_requested'], to: 'submitted', mail: 'customers.mail.kycInfoReceived' },
  approve: { from: ['submitted', 'info_requested'], to: 'approved', mail: 'customers.mail.kycApproved' },
  reject: { from: ['submitted', 'info_requested'], to: 'rejected', mail: 'customers.mail.kycRejected' },
};

const PAST: Record<KycEvent, string> = { request_info: 'sent back for more information', answer_info: 'answered', approve: 'approved', reject: 'rejected' };

export type TransitionResult = { ok: true; to: KycStatus; mailKey: string } | { ok: false; message: string };

export function transition(status: KycStatus, event: KycEvent): TransitionResult {
  const row = TABLE[event];
  if (!row.from.includes(status)) {
    return { ok: false, message: `An application that is ${status.replace('_', ' ')} cannot be ${PAST[event]}.` };
  }
  return { ok: true, to: row.to, mailKey: row.mail };
}

/**
 * Pre-fills the proposed tier for staff to confirm: rules are checked in order, the first whose
 * countries (empty = any) include the applicant's and whose minimum yearly volume (in EUR minor
 * units) is met wins; otherwise the default tier.
 */
export interface TierRule {
  countries: string[];
  minVolumeEurMinor: number;
  tier: string;
}

export function proposeTier(rules: TierRule[], fallback: string | null, country: string, volumeEurMinor: number | null): string | null {
  for (const r of rules) {
    if (r.countries.length && !r.countries.includes(country)) continue;
    if (volumeEurMinor === null ? r.minVolumeEurMinor > 0 : volumeEurMinor < r.minVolumeEurMinor) continue;
    return r.tier;
  }
  return fallback;
}

/** How long an open application has waited against the target decision time. */
export function applicationAge(submittedAt: Date, now: Date, targetHours: number): { ageHours: number; targetHours: number; overdue: boolean } {
  const ageHours = Math.floor((now.getTime() - submittedAt.getTime()) / 3_600_000);
  return { ageHours, targetHours, overdue: ageHours >= targetHours };
}
