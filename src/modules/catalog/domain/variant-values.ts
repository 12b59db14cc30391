import type { AttributeDef } from './facets.js';

export type AttributeValue = string | number | string[];

export interface IndexedValues {
  attributes: Record<string, AttributeValue>;
  optionIds: string[];
  numValues: Record<string, number>;
  problems: { field: string; message: string }[];
}

/**
 * Checks a variant's attribute values against the definitions and derives what the listing
 * filters on: option ids (choice attributes) and numbers (number attributes). Values arrive as
 * option codes or labels in any language (imports bring labels), numbers may carry their unit
 * ("60 W").
 */
export function indexVariantValues(values: Record<string, unknown>, defs: AttributeDef[], fieldPrefix = 'attributes'): IndexedValues {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const out: IndexedValues = { attributes: {}, optionIds: [], numValues: {}, problems: [] };
  for (const [code, raw] of Object.entries(values)) {
    if (raw === null || raw === undefined || raw === '') continue;
    const def = byCode.get(code);
    const field = `${fieldPrefix}.${code}`;
    if (!def) {
      out.problems.push({ field, message: `There is no attribute "${code}". Create it under Attributes first.` });
      continue;
    }
    if (def.kind === 'number') {
      const n = typeof raw === 'number' ? raw : Number(String(raw).replace(',', '.').replace(/[^\d.+-eE]/g, ''));
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (!Number.isFinite(n) || (text && !/^[-+]?\d+(?:[.,]\d+)?\s*\p{L}*\S*$/u.test(text))) {
        out.problems.push({ field, message: `${code} must be a number${def.unit ? ` in ${def.unit}` : ''}.` });
        continue;
      }
      out.attributes[code] = n;
      out.numValues[code] = n;
    } else if (def.kind === 'text') {
      out.attributes[code] = String(raw);
    } else {
      const list = (Array.isArray(raw) ? raw : String(raw).split(def.kind === 'multi' ? /[,;|]/ : /\u0000/)).map((s) => String(s).trim()).filter(Boolean);
      if (def.kind === 'single' && list.length > 1) {
        out.problems.push({ field, message: `${code} takes one value.` });
        continue;
      }
      const codes: string[] = [];
      for (const item of list) {
        const lower = item.toLowerCase();
        const opt = def.options.find((o) => o.code === item) ?? def.options.find((o) => Object.values(o.labels).some((l) => l.toLowerCase() === lower));
        if (!opt) {
          out.problems.push({ field, message: `"${item}" is not a value of ${code}. Known: ${def.options.map((o) => o.code).join(', ')}.` });
          continue;
        }
        codes.push(opt.code);
        out.optionIds.push(opt.id);
      }
      if (codes.length) out.attributes[code] = def.kind === 'single' ? codes[0]! : codes;
    }
  }
  out.optionIds.sort();
  return out;
}
