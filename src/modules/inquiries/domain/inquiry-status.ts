/**
 * Inquiry lifecycle as data: new → replied → quoted → won | lost. Replying again keeps the
 * status; a quote may be sent without a prior reply; any open inquiry may be lost; won and lost
 * may be reopened (back to replied) when the buyer comes back.
 */
export const INQUIRY_STATUSES = ['new', 'replied', 'quoted', 'won', 'lost'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export const TRANSITIONS: Record<InquiryStatus, readonly InquiryStatus[]> = {
  new: ['replied', 'quoted', 'lost'],
  replied: ['replied', 'quoted', 'won', 'lost'],
  quoted: ['quoted', 'won', 'lost'],
  won: ['replied'],
  lost: ['replied'],
};

export type TransitionResult = { ok: true; status: InquiryStatus } | { ok: false; message: string };

export function transition(from: InquiryStatus, to: InquiryStatus): TransitionResult {
  if (TRANSITIONS[from].includes(to)) return { ok: true, status: to };
  return { ok: false, message: `An inquiry that is ${from} cannot become ${to}. Allowed next: ${TRANSITIONS[from].join(', ') || 'none'}.` };
}

/** What a sent reply does to the status: a first reply moves new → replied, later ones keep it. */
export function statusAfterReply(from: InquiryStatus): InquiryStatus {
  return from === 'new' || from === 'won' || from === 'lost' ? 'replied' : from;
}
