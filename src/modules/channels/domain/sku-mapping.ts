import type { UnifiedLine } from './unified-order.js';

/**
 * Channel lines name products in the channel's words (Amazon SellerSKU or ASIN, a Shopify sku,
 * an Alibaba.com model number). The mapping table turns them into our SKUs. Lookup order: the
 * channel's own seller SKU, then the ASIN (ASINs are global, so one mapping serves every
 * Amazon marketplace), then — for channels that use our SKUs verbatim (ERP, storefront) — the
 * seller SKU itself when the catalogue knows it. A line left unmapped sends the order to review;
 * mapping it once (from the review screen) fixes every later order.
 */
export type MappingKind = 'seller_sku' | 'asin';

export interface SkuMapping {
  /** null = applies to every channel (ASINs). */
  channelId: string | null;
  kind: MappingKind;
  externalRef: string;
  sku: string;
}

export interface ResolvedLine extends UnifiedLine {
  sku: string | null;
  mappedBy: 'seller_sku' | 'asin' | 'identity' | null;
}

export function mappingKey(channelId: string | null, kind: MappingKind, ref: string): string {
  return `${channelId ?? '*'}|${kind}|${ref.trim().toUpperCase()}`;
}

export function indexMappings(mappings: SkuMapping[]): Map<string, string> {
  return new Map(mappings.map((m) => [mappingKey(m.channelId, m.kind, m.externalRef), m.sku]));
}

export function resolveLines(
  channelId: string,
  lines: UnifiedLine[],
  index: Map<string, string>,
  opts: { identity: boolean; knownSkus?: Set<string> },
): { lines: ResolvedLine[]; unmapped: ResolvedLine[] } {
  const out = lines.map((l): ResolvedLine => {
    if (l.sellerSku) {
      const hit = index.get(mappingKey(channelId, 'seller_sku', l.sellerSku)) ?? index.get(mappingKey(null, 'seller_sku', l.sellerSku));
      if (hit) return { ...l, sku: hit, mappedBy: 'seller_sku' };
    }
    if (l.asin) {
      const hit = index.get(mappingKey(channelId, 'asin', l.asin)) ?? index.get(mappingKey(null, 'asin', l.asin));
      if (hit) return { ...l, sku: hit, mappedBy: 'asin' };
    }
    if (opts.identity && l.sellerSku && (!opts.knownSkus || opts.knownSkus.has(l.sellerSku))) {
      return { ...l, sku: l.sellerSku, mappedBy: 'identity' };
    }
    return { ...l, sku: null, mappedBy: null };
  });
  return { lines: out, unmapped: out.filter((l) => !l.sku) };
}

/** Quantities per our SKU (lines drawing on the same SKU are summed before reserving). */
export function quantitiesBySku(lines: ResolvedLine[]): Map<string, number> {
  const q = new Map<string, number>();
  for (const l of lines) if (l.sku) q.set(l.sku, (q.get(l.sku) ?? 0) + l.quantity);
  return q;
}
