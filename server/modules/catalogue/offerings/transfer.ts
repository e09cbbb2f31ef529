import { z } from 'zod';
import {
  type FamilyListQuery,
  type FamilyServiceListQuery,
  type OfferingListQuery,
  type PriceModel,
  withVat,
} from '../../../../shared/catalogue/offerings.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { cataloguePolicy } from '../policy.ts';
import { currentCard, listFamilies, listFamilyServices, listOfferings } from './service.ts';

// The catalogue's lists as CSV or XLSX through the platform's engine, with the filters of each
// list; prices in kronor with öre as the API has them in öre, and only what the reader may see.

const text = z.string();
const num = z.coerce.number();

const modelNames: Record<PriceModel, string> = {
  fixedMonthly: 'fast pris per månad',
  perUnitMonthly: 'pris per enhet och månad',
  perHour: 'pris per timme',
  oneOff: 'engångspris',
};

const kr = (ore: number | null | undefined) => (ore === null || ore === undefined ? '' : ore / 100);

export async function exportFamilies(
  db: Database,
  actor: Actor,
  query: Omit<FamilyListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listFamilies(db, actor, { ...query, limit: 200, cursor }));
  return exportFile(
    {
      columns: [
        column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: text }),
        column({ key: 'services', sv: 'tjänster', en: 'services', parse: num }),
        column({ key: 'description', sv: 'beskrivning', en: 'description', parse: text }),
      ] as const,
      filename: 'tjanstefamiljer',
      sheetName: 'Tjänstefamiljer',
    },
    rows.map((f) => ({ name: f.name, services: f.serviceCount, description: f.description ?? '' })),
    format,
  );
}

export async function exportFamilyServices(
  db: Database,
  actor: Actor,
  query: Omit<FamilyServiceListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listFamilyServices(db, actor, { ...query, limit: 200, cursor }));
  return exportFile(
    {
      columns: [
        column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: text }),
        column({ key: 'family', sv: 'familj', en: 'family', parse: text }),
        column({ key: 'level', sv: 'servicenivå', en: 'service level', parse: text }),
        column({ key: 'offerings', sv: 'erbjudanden', en: 'offerings', parse: num }),
      ] as const,
      filename: 'katalogtjanster',
      sheetName: 'Tjänster',
    },
    rows.map((s) => ({
      name: s.name,
      family: s.familyName,
      level: s.serviceLevelName ?? '',
      offerings: s.offeringCount,
    })),
    format,
  );
}

export async function exportOfferings(
  db: Database,
  actor: Actor,
  query: Omit<OfferingListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listOfferings(db, actor, { ...query, limit: 200, cursor }));
  const month = `${new Date().toISOString().slice(0, 7)}-01`;
  const internal = cataloguePolicy.seeInternal(actor);
  return exportFile(
    {
      columns: [
        column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: text }),
        column({ key: 'service', sv: 'tjänst', en: 'service', parse: text }),
        column({ key: 'family', sv: 'familj', en: 'family', parse: text }),
        column({ key: 'model', sv: 'prismodell', en: 'price model', parse: text }),
        column({ key: 'unit', sv: 'prisenhet', en: 'price unit', parse: text }),
        column({ key: 'internal', sv: 'internpris (kr)', en: 'internal price (SEK)', parse: num }),
        column({
          key: 'external',
          sv: 'externt pris inkl. moms (kr)',
          en: 'external price incl. VAT (SEK)',
          parse: num,
        }),
      ] as const,
      filename: 'erbjudanden',
      sheetName: 'Erbjudanden',
    },
    rows.map((o) => {
      const card = currentCard(o.rateCards, month);
      const ext = card ? (card.externalPrice ?? card.internalPrice) : null;
      return {
        name: o.name,
        service: o.serviceName,
        family: o.familyName,
        model: modelNames[o.priceModel as PriceModel],
        unit: o.priceUnit ?? '',
        internal: internal ? kr(card?.internalPrice) : '',
        external: ext === null ? '' : kr(withVat(ext)),
      };
    }),
    format,
  );
}
