import { z } from 'zod';
import type { AiApplicationListQuery } from '../../../../shared/registry/ai.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { column, type ExportFile, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listAiApplications } from './service.ts';

// Export of the AI Act register as CSV or XLSX, with the list's filters (Swedish terms in cells).

const text = z.string();

const riskWords: Record<string, string> = {
  prohibited: 'förbjuden',
  high: 'hög risk',
  limited: 'begränsad risk',
  minimal: 'minimal risk',
};
const areaWords: Record<string, string> = {
  biometrics: 'biometri',
  criticalInfrastructure: 'kritisk infrastruktur',
  education: 'utbildning',
  employment: 'anställning och arbetsledning',
  essentialServices: 'samhällsservice och förmåner',
  lawEnforcement: 'brottsbekämpning',
  migration: 'migration och gränskontroll',
  justice: 'rättskipning och demokratiska processer',
};
const registrationWords: Record<string, string> = {
  notRequired: 'krävs inte',
  pending: 'ska registreras',
  registered: 'registrerad',
};
const word = (words: Record<string, string>) => (value: string | null) =>
  value ? (words[value] ?? value) : '';

export const aiApplicationColumns = [
  column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: text }),
  column({ key: 'systemName', sv: 'system', en: 'system', parse: text }),
  column({ key: 'purpose', sv: 'syfte', en: 'purpose', parse: text }),
  column({
    key: 'riskCategory',
    sv: 'riskkategori',
    en: 'risk category',
    parse: text,
    format: word(riskWords),
  }),
  column({
    key: 'highRiskArea',
    sv: 'högriskområde',
    en: 'high-risk area',
    parse: text,
    format: word(areaWords),
  }),
  column({ key: 'motivation', sv: 'motivering', en: 'motivation', parse: text }),
  column({
    key: 'friaRequired',
    sv: 'FRIA krävs',
    en: 'FRIA required',
    parse: z.boolean(),
    format: (v: boolean | null) => (v === null ? '' : v ? 'ja' : 'nej'),
  }),
  column({ key: 'friaOn', sv: 'FRIA datum', en: 'FRIA date', parse: text }),
  column({ key: 'friaResult', sv: 'FRIA resultat', en: 'FRIA result', parse: text }),
  column({ key: 'transparency', sv: 'transparens', en: 'transparency', parse: text }),
  column({ key: 'humanOversight', sv: 'mänsklig tillsyn', en: 'human oversight', parse: text }),
  column({
    key: 'registrationStatus',
    sv: 'registrering',
    en: 'registration',
    parse: text,
    format: word(registrationWords),
  }),
] as const;

export async function exportAiApplications(
  db: Database,
  actor: Actor,
  query: Omit<AiApplicationListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
): Promise<ExportFile> {
  const records = [];
  let cursor: string | undefined;
  do {
    const page = await listAiApplications(db, actor, { ...query, limit: 1000, cursor });
    records.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return exportFile(
    { columns: aiApplicationColumns, filename: 'ai-register', sheetName: 'AI-register' },
    records,
    format,
  );
}
