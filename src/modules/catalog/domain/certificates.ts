export interface CertificateDates {
  expiresOn: string | null;
}

/** A certificate whose expiry date has passed (expires 2026-03-31 is still valid on that day). */
export function isCertificateExpired(c: CertificateDates, now: Date): boolean {
  if (!c.expiresOn) return false;
  return c.expiresOn < now.toISOString().slice(0, 10);
}

/** Expiring within `days`: the back office flags these before they disappear from the storefront. */
export function isCertificateExpiringSoon(c: CertificateDates, now: Date, days = 60): boolean {
  if (!c.expiresOn || isCertificateExpired(c, now)) return false;
  const limit = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return c.expiresOn <= limit;
}
