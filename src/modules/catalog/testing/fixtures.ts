import type { TestContext } from '../../../platform/testing/harness.js';
import { cliActor } from '../../../platform/auth/principal.js';
import { createApiKey } from '../../system/index.js';

/** An API key with every scope, for admin API calls in integration tests. */
export async function adminKey(ctx: TestContext): Promise<Record<string, string>> {
  const { key } = await createApiKey(ctx.deps, cliActor('test'), { name: 'catalog tests', scopes: ['*'] });
  return { authorization: `Bearer ${key}` };
}

/** A small LED catalog through the admin API: 2 attributes, a category tree, 4 products. */
export async function buildSmallCatalog(ctx: TestContext, auth: Record<string, string>) {
  const post = async (url: string, payload: unknown) => {
    const r = await ctx.app.inject({ method: 'POST', url, headers: auth, payload: payload as object });
    if (r.statusCode !== 201) throw new Error(`${url} → ${r.statusCode} ${r.body}`);
    return r.json() as { id: string };
  };
  await post('/api/admin/catalog/attributes', {
    code: 'cct', kind: 'single', position: 1, labels: { en: 'Colour temperature', es: 'Temperatura de color' },
    options: [
      { code: '3000k', labels: { en: '3000K warm white', es: '3000K blanco cálido' } },
      { code: '4000k', labels: { en: '4000K neutral white', es: '4000K blanco neutro' } },
      { code: '6500k', labels: { en: '6500K daylight', es: '6500K luz día' } },
    ],
  });
  await post('/api/admin/catalog/attributes', { code: 'power', kind: 'number', unit: 'W', position: 2, labels: { en: 'Power', es: 'Potencia' } });
  await post('/api/admin/catalog/attributes', {
    code: 'ip', kind: 'single', position: 3, labels: { en: 'IP rating' },
    options: [{ code: 'ip20', labels: { en: 'IP20' } }, { code: 'ip65', labels: { en: 'IP65' } }],
  });
  const lighting = await post('/api/admin/catalog/categories', { texts: { en: { name: 'Lighting' }, es: { name: 'Iluminación' } } });
  const panels = await post('/api/admin/catalog/categories', { parentId: lighting.id, texts: { en: { name: 'Panel lights' }, es: { name: 'Paneles LED' } } });
  const flood = await post('/api/admin/catalog/categories', { parentId: lighting.id, texts: { en: { name: 'Floodlights' }, es: { name: 'Proyectores' } } });
  const product = (name: { en: string; es: string }, categoryId: string, variants: object[], extra: object = {}) =>
    post('/api/admin/catalog/products', {
      categoryId,
      texts: { en: { name: name.en, summary: `${name.en} for offices and warehouses` }, es: { name: name.es, summary: `${name.es} para oficinas y almacenes` } },
      variants,
      ...extra,
    });
  const p1 = await product({ en: 'Slim LED panel light 600x600', es: 'Panel LED extraplano 600x600' }, panels.id, [
    { sku: 'TL-PL6060-40W-3K', listPriceMinor: 1850, currency: 'USD', attributes: { cct: '3000k', power: 40, ip: 'ip20' } },
    { sku: 'TL-PL6060-40W-4K', listPriceMinor: 1850, currency: 'USD', attributes: { cct: '4000k', power: 40, ip: 'ip20' } },
  ]);
  const p2 = await product({ en: 'Backlit LED panel 1200x300', es: 'Panel LED retroiluminado 1200x300' }, panels.id, [
    { sku: 'TL-PB12030-36W-4K', listPriceMinor: 2200, currency: 'USD', inStock: false, attributes: { cct: '4000k', power: 36, ip: 'ip20' } },
  ]);
  const p3 = await product({ en: 'Industrial LED floodlight', es: 'Proyector LED industrial' }, flood.id, [
    { sku: 'TL-FL100-6K', listPriceMinor: 4500, currency: 'USD', attributes: { cct: '6500k', power: 100, ip: 'ip65' } },
    { sku: 'TL-FL200-6K', listPriceMinor: 7900, currency: 'USD', attributes: { cct: '6500k', power: 200, ip: 'ip65' } },
  ], { certificates: [{ name: 'CE', issuer: 'TÜV Rheinland', expiresOn: '2020-01-01' }, { name: 'RoHS', issuer: 'SGS', expiresOn: '2099-12-31' }] });
  const p4 = await product({ en: 'Dealer-only LED panel kit', es: 'Kit de paneles LED para distribuidores' }, panels.id, [
    { sku: 'TL-DLR-KIT-4K', listPriceMinor: 9900, currency: 'USD', attributes: { cct: '4000k', power: 40, ip: 'ip20' } },
  ], { visibility: 'dealers' });
  return { lighting, panels, flood, p1, p2, p3, p4 };
}
