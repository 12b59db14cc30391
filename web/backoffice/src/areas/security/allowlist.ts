import ipaddr from 'ipaddr.js';

/** The textarea's lines: blank lines and "# comments" are dropped; `line` is 1-based for messages. */
export function parseAllowlist(text: string): { entries: string[]; lines: number[] } {
  const entries: string[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const v = raw.replace(/#.*$/, '').trim();
    if (v) {
      entries.push(v);
      lines.push(i + 1);
    }
  });
  return { entries, lines };
}

/** Whether `ip` falls in any entry (a bare address counts as /32 or /128); bad entries never match. */
export function allowlistCovers(entries: string[], ip: string | undefined): boolean {
  if (!ip) return false;
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.process(ip);
  } catch {
    return false;
  }
  return entries.some((e) => {
    try {
      const [range, bits] = e.includes('/') ? ipaddr.parseCIDR(e) : single(e);
      let a = addr;
      if (range.kind() === 'ipv6' && a.kind() === 'ipv4') a = (a as ipaddr.IPv4).toIPv4MappedAddress();
      return range.kind() === a.kind() && a.match(range, bits);
    } catch {
      return false;
    }
  });
}

function single(e: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const a = ipaddr.parse(e);
  return [a, a.kind() === 'ipv4' ? 32 : 128];
}
