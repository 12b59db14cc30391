import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/http/types.js';
import { inquiries, inquiryEvents, inquiryLines, inquirySettings } from '../db/inquiries.schema.js';

const DEMO = [
  { name: 'Carlos Méndez', company: 'Iluminación Andina S.A.C.', email: 'compras@iluminacion-andina.example', country: 'PE', locale: 'es', status: 'new', message: 'Buenos días, necesitamos cotización de 500 paneles LED 600x600 de 40 W, 4000 K, con certificado CE. ¿Cuál es el plazo de entrega a Callao?', sku: 'LM-PL6060-40-40', product: 'Slim edge-lit LED panel 600×600, 40 W', qty: 500 },
  { name: 'Fatima Al-Harbi', company: 'Riyadh Lighting Trading Est.', email: 'procurement@riyadh-lighting.example', country: 'SA', locale: 'ar', status: 'replied', message: 'نرغب في الحصول على عرض سعر لـ 200 كشاف LED بقدرة 200 واط مع شهادة IP66، والشحن إلى ميناء الدمام.', sku: 'LM-FL200-57', product: 'Die-cast LED floodlight 200 W, IP66', qty: 200 },
  { name: 'Jonas Weber', company: 'Weber Elektro GmbH', email: 'einkauf@weber-elektro.example', country: 'DE', locale: 'de', status: 'quoted', message: 'Bitte senden Sie uns ein Angebot für 1.000 Hallenstrahler 150 W inkl. Datenblatt und ENEC-Zertifikat.', sku: 'LM-HB150-90-50', product: 'UFO LED high bay 150 W, 90° optic', qty: 1000 },
];

/** A few inbox entries in different languages and states, and the sales notification address. */
export async function seedInquiriesDemo(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    await tx.insert(inquirySettings).values({ key: 'notify_emails', value: ['sales@tradelane.local'], updatedAt: now }).onConflictDoNothing();
    for (const [i, d] of DEMO.entries()) {
      const [exists] = await tx.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.email, d.email));
      if (exists) continue;
      const id = deps.ids.make('inq');
      const at = new Date(now.getTime() - (i + 1) * 86_400_000);
      await tx.insert(inquiries).values({ id, status: d.status, name: d.name, company: d.company, email: d.email, country: d.country, message: d.message, locale: d.locale, createdAt: at, updatedAt: at });
      await tx.insert(inquiryLines).values({ id: deps.ids.make('inl'), inquiryId: id, sku: d.sku, productName: d.product, quantity: d.qty });
      await tx.insert(inquiryEvents).values({ id: deps.ids.make('ine'), inquiryId: id, kind: 'received', toStatus: 'new', actorLabel: d.email, at });
    }
  });
}
