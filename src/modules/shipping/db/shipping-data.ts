import { query, sql, type Db } from '../../../platform/db/database.js';
import type { Method, Zone } from '../domain/schemas.js';
import { DEFAULT_SHIPPING_SETTINGS, shippingSettingsSchema, type ShippingSettings } from '../domain/settings.js';

export interface ShippingDataWithSettings {
  zones: Zone[];
  methods: Method[];
  settings: ShippingSettings;
}

/** Zones, active methods and dispatch settings in one query, for quoting a cart. */
export async function loadShippingData(tx: Db, opts: { includeInactive?: boolean } = {}): Promise<ShippingDataWithSettings> {
  const all = opts.includeInactive ?? false;
  const [row] = await query<{ zones: Zone[]; methods: Method[]; settings: unknown }>(
    tx,
    sql`SELECT
          (SELECT coalesce(json_agg(json_build_object('id', id, 'code', code, 'name', name, 'rules', rules) ORDER BY code), '[]'::json)
             FROM shipping_zones) AS zones,
          (SELECT coalesce(json_agg(json_build_object('id', id, 'code', code, 'name', name, 'carrier', carrier, 'mode', mode,
                    'currency', currency, 'dimFactor', dim_factor, 'processingDays', processing_days, 'customerTiers', customer_tiers,
                    'rates', rates, 'active', active, 'sortOrder', sort_order) ORDER BY sort_order, code), '[]'::json)
             FROM shipping_methods WHERE active OR ${all}::boolean) AS methods,
          (SELECT settings FROM shipping_settings WHERE id = 'default') AS settings`,
  );
  const parsed = shippingSettingsSchema.safeParse(row?.settings);
  return { zones: row?.zones ?? [], methods: row?.methods ?? [], settings: parsed.success ? parsed.data : DEFAULT_SHIPPING_SETTINGS };
}
