import { createRequire } from 'node:module';
import type { FastifyRequest } from 'fastify';

/** CDN headers that carry the visitor's country (Cloudflare, CloudFront, Fastly/Akamai/Vercel setups). */
const COUNTRY_HEADERS = ['cf-ipcountry', 'cloudfront-viewer-country', 'x-country-code', 'x-vercel-ip-country', 'fastly-geo-country'];

let geo: { lookup(ip: string): { country: string } | null } | null = null;

/** The visitor's country: a CDN header when present, else the offline GeoLite2 database (npm geoip-country), loaded on first use. */
export function visitorCountry(req: FastifyRequest): string | null {
  for (const h of COUNTRY_HEADERS) {
    const v = req.headers[h];
    if (typeof v === 'string' && /^[A-Za-z]{2}$/.test(v) && v.toUpperCase() !== 'XX') return v.toUpperCase();
  }
  try {
    geo ??= createRequire(import.meta.url)('geoip-country');
    return geo!.lookup(req.ip)?.country ?? null;
  } catch {
    return null;
  }
}

export const CURRENCY_COOKIE = 'tl_currency';
export const CUSTOMER_COOKIE = 'tl_customer';
export const CUSTOMER_DEVICE_COOKIE = 'tl_customer_device';
