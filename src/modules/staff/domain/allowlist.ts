import ipaddr from 'ipaddr.js';

/**
 * The back-office IP allowlist as pure functions: entries are single addresses or CIDR blocks,
 * IPv4 or IPv6. IPv4 must be written as four decimal parts (ipaddr.js would also accept "1.2.3"
 * and hex forms, which nobody means in a firewall list). IPv4-mapped IPv6 clients
 * (::ffff:203.0.113.5, as dual-stack sockets report them) match IPv4 entries.
 */
export type AllowlistEntry = { ok: true; value: string } | { ok: false; message: string };

function strictAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (text.includes(':')) return ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text) : null;
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
}

/** Validates one entry and returns it in canonical form (CIDR blocks as their network address). */
export function parseAllowlistEntry(raw: string): AllowlistEntry {
  const text = raw.trim();
  if (!text) return { ok: false, message: 'is empty; remove the line or enter an address' };
  const slash = text.indexOf('/');
  if (slash < 0) {
    const addr = strictAddress(text);
    if (!addr) return { ok: false, message: `"${text}" is not an IPv4 or IPv6 address (e.g. 203.0.113.7 or 2001:db8::1)` };
    return { ok: true, value: addr.toString() };
  }
  const addr = strictAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!addr) return { ok: false, message: `"${text}" does not start with a valid IPv4 or IPv6 address` };
  const max = addr.kind() === 'ipv4' ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
    return { ok: false, message: `"${text}" needs a prefix length from 0 to ${max} after the slash` };
  }
  const prefix = Number(prefixText);
  const network =
    addr.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${prefix}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${addr.toString()}/${prefix}`);
  return { ok: true, value: `${network.toString()}/${prefix}` };
}

/** Parses a client address as the server sees it; IPv4-mapped IPv6 becomes IPv4. */
export function parseClientIp(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const addr = ipaddr.parse(ip);
    if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) return (addr as ipaddr.IPv6).toIPv4Address();
    return addr;
  } catch {
    return null;
  }
}

/** The canonical text of a client address ("::ffff:10.0.0.1" → "10.0.0.1"). */
export function displayIp(ip: string): string {
  return parseClientIp(ip)?.toString() ?? ip;
}

/** Whether `ip` is allowed by `entries` (canonical entries; an empty list allows everyone). */
export function ipAllowed(entries: readonly string[], ip: string): boolean {
  if (entries.length === 0) return true;
  const addr = parseClientIp(ip);
  if (!addr) return false;
  for (const entry of entries) {
    try {
      if (entry.includes('/')) {
        const [net, prefix] = ipaddr.parseCIDR(entry);
        if (net.kind() === addr.kind() && addr.match([net, prefix] as any)) return true;
      } else {
        const one = ipaddr.parse(entry);
        if (one.kind() === addr.kind() && one.toString() === addr.toString()) return true;
      }
    } catch {
      // a malformed stored entry allows nothing
    }
  }
  return false;
}
