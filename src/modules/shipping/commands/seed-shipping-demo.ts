import type { AppDeps } from '../../../platform/http/types.js';
import { shippingMethods, shippingSettings, shippingZones } from '../db/shipping.schema.js';
import type { MethodInput, ZoneInput, ZoneRate } from '../domain/schemas.js';

const EU = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];

const ZONES: Array<ZoneInput & { id: string }> = [
  { id: 'shz_demo_eu', code: 'eu', name: 'European Union', rules: EU.map((country) => ({ country })) },
  { id: 'shz_demo_islands', code: 'eu-islands', name: 'Canary Islands, Ceuta, Melilla', rules: [{ country: 'ES', postcodes: ['35*', '38*', '51*', '52*'] }] },
  { id: 'shz_demo_uk', code: 'uk', name: 'United Kingdom', rules: [{ country: 'GB' }] },
  { id: 'shz_demo_europe', code: 'europe-other', name: 'Rest of Europe', rules: ['CH', 'NO', 'IS', 'RS', 'TR'].map((country) => ({ country })) },
  { id: 'shz_demo_na', code: 'north-america', name: 'USA and Canada', rules: [{ country: 'US' }, { country: 'CA' }] },
  { id: 'shz_demo_apac', code: 'asia-pacific', name: 'Asia-Pacific', rules: ['AU', 'NZ', 'JP', 'KR', 'SG', 'HK', 'CN', 'TW', 'MY', 'TH'].map((country) => ({ country })) },
  { id: 'shz_demo_me', code: 'middle-east', name: 'Middle East', rules: ['AE', 'SA', 'KW', 'BH', 'QA', 'OM', 'IL'].map((country) => ({ country })) },
  { id: 'shz_demo_row', code: 'rest-of-world', name: 'Rest of the world', rules: [{ country: '*' }] },
];

/** Brackets from [kg, price in cents] pairs. */
const table = (pairs: Array<[number, number]>) => pairs.map(([kg, amount]) => ({ upToGrams: kg * 1000, amount }));
const scaled = (pairs: Array<[number, number]>, factor: number) => pairs.map(([kg, p]) => [kg, Math.round(p * factor)] as [number, number]);

const EXPRESS: Array<[number, number]> = [[0.5, 1900], [1, 2400], [2, 2900], [5, 3900], [10, 5900], [20, 8900], [30, 11900]];
const express = (zoneId: string, factor: number, min: number, max: number, freeOver: number | null): ZoneRate => ({
  zoneId, brackets: table(scaled(EXPRESS, factor)), extra: { stepGrams: 1000, amount: Math.round(380 * factor) }, perOrderFee: 0, freeOver, transitDays: { min, max },
});
const AIR: Array<[number, number]> = [[10, 4500], [20, 6900], [50, 12900], [100, 21900]];
const air = (zoneId: string, factor: number, min: number, max: number): ZoneRate => ({
  zoneId, brackets: table(scaled(AIR, factor)), extra: { stepGrams: 10000, amount: Math.round(1900 * factor) }, perOrderFee: 1500, freeOver: null, transitDays: { min, max },
});
const sea = (zoneId: string, perCbm: number, min: number, max: number): ZoneRate => ({
  // 1 m³ = 1,000 kg chargeable at the 1:1000 factor; minimum charge 1 m³, then per started 0.5 m³.
  zoneId, brackets: [{ upToGrams: 1_000_000, amount: perCbm }], extra: { stepGrams: 500_000, amount: Math.round(perCbm / 2) }, perOrderFee: 9500, freeOver: null, transitDays: { min, max },
});

const METHODS: Array<MethodInput & { id: string }> = [
  {
    id: 'shm_demo_dhl', code: 'dhl-express', name: 'DHL Express Worldwide', carrier: 'DHL Express', mode: 'express', currency: 'EUR',
    dimFactor: 5000, processingDays: 1, customerTiers: null, active: true, sortOrder: 1,
    rates: [
      express('shz_demo_eu', 1, 1, 2, 50000), express('shz_demo_islands', 1.6, 2, 4, null), express('shz_demo_uk', 1.3, 1, 3, 75000),
      express('shz_demo_europe', 1.5, 2, 4, null), express('shz_demo_na', 2.2, 2, 4, null), express('shz_demo_apac', 2.4, 3, 5, null),
      express('shz_demo_me', 2.3, 3, 5, null), express('shz_demo_row', 2.8, 3, 7, null),
    ],
  },
  {
    id: 'shm_demo_air', code: 'economy-air', name: 'Economy air freight', carrier: 'Air cargo consolidator', mode: 'air', currency: 'EUR',
    dimFactor: 6000, processingDays: 2, customerTiers: null, active: true, sortOrder: 2,
    rates: [air('shz_demo_uk', 0.8, 4, 7), air('shz_demo_europe', 0.9, 4, 8), air('shz_demo_na', 1.2, 6, 10), air('shz_demo_apac', 1.3, 7, 12), air('shz_demo_me', 1.2, 6, 10), air('shz_demo_row', 1.5, 8, 15)],
  },
  {
    id: 'shm_demo_lcl', code: 'sea-lcl', name: 'Sea freight LCL (door to door)', carrier: 'Ocean consolidator', mode: 'sea', currency: 'EUR',
    dimFactor: 1000, processingDays: 3, customerTiers: ['A', 'B'], active: true, sortOrder: 3,
    rates: [sea('shz_demo_uk', 18000, 5, 9), sea('shz_demo_na', 32000, 25, 35), sea('shz_demo_apac', 36000, 30, 45), sea('shz_demo_me', 30000, 22, 32), sea('shz_demo_row', 42000, 30, 50)],
  },
];

/** Netherlands public holidays for the demo warehouse in Rotterdam. */
const HOLIDAYS = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26', '2027-01-01', '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17', '2027-12-25', '2027-12-26'];

export async function seedShippingDemo(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.db.insert(shippingZones).values(ZONES.map((z) => ({ ...z, updatedAt: now }))).onConflictDoNothing();
  await deps.db.insert(shippingMethods).values(METHODS.map((m) => ({ ...m, updatedAt: now }))).onConflictDoNothing();
  await deps.db
    .insert(shippingSettings)
    .values({ id: 'default', settings: { timeZone: 'Europe/Amsterdam', cutoffHour: 14, holidays: HOLIDAYS }, updatedAt: now })
    .onConflictDoNothing();
}
