import { z } from 'zod';
import type { Comparison, SurveyTemplateListQuery } from '../../../../shared/governance/surveys.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listTemplates } from './service.ts';

// The templates list and a forum's comparison across years as CSV or XLSX, through the platform's
// engine (formula safe). In the comparison every year is a column, a scale answer a number cell
// in a workbook (so that it sums and charts), yes/no as the Swedish word, text as text.

const text = z.string();

export async function exportTemplates(
  db: Database,
  actor: Actor,
  query: Omit<SurveyTemplateListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listTemplates(db, actor, { ...query, limit: 200, cursor }));
  const columns = [
    column({ key: 'title', sv: 'mall', en: 'template', required: true, parse: text }),
    column({ key: 'description', sv: 'beskrivning', en: 'description', parse: text }),
    column({ key: 'revision', sv: 'version av frågorna', en: 'revision', parse: text, xlsxNumber: '0' }),
    column({ key: 'questions', sv: 'frågor', en: 'questions', parse: text, xlsxNumber: '0' }),
    column({ key: 'rounds', sv: 'omgångar', en: 'rounds', parse: text, xlsxNumber: '0' }),
  ] as const;
  const records = rows.map((t) => ({
    title: t.title,
    description: t.description ?? '',
    revision: String(t.revision),
    questions: String(t.sections.reduce((n, s) => n + s.questions.length, 0)),
    rounds: String(t.rounds),
  }));
  return exportFile({ columns, filename: 'sjalvskattningar', sheetName: 'Mallar' }, records, format);
}

const decimal = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

export function exportComparison(c: Comparison, format: ExportFormat) {
  const yearKeys = c.years.map((y) => `y${y.year}`);
  const columns = [
    column({ key: 'section', sv: 'avsnitt', en: 'section', parse: text }),
    column({ key: 'question', sv: 'fråga', en: 'question', parse: text }),
    ...c.years.map((y) =>
      column({ key: `y${y.year}`, sv: String(y.year), en: String(y.year), parse: text, xlsxNumber: '0.##' }),
    ),
    ...c.years.map((y) =>
      column({ key: `c${y.year}`, sv: `kommentar ${y.year}`, en: `comment ${y.year}`, parse: text }),
    ),
  ];
  const records: Record<string, string>[] = [];
  for (const section of c.sections) {
    records.push({
      section: section.title,
      question: 'Medelvärde',
      ...Object.fromEntries(yearKeys.map((k, i) => [k, decimal(section.means[i] ?? null)])),
    });
    for (const q of section.questions) {
      const record: Record<string, string> = { section: section.title, question: q.text };
      c.years.forEach((y, i) => {
        const a = q.answers[i];
        // A yes/no or text answer is not a number: it goes with the comment.
        const said =
          q.kind === 'yesNo' && a?.value != null ? (a.value === 1 ? 'Ja' : 'Nej') : (a?.text ?? '');
        record[`y${y.year}`] = q.kind === 'scale' ? decimal(a?.value ?? null) : '';
        record[`c${y.year}`] = [said, a?.comment ?? ''].filter(Boolean).join(' – ');
      });
      records.push(record);
    }
  }
  return exportFile(
    {
      columns,
      filename: `jamforelse-${c.forum.name}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-'),
      sheetName: 'Jämförelse',
    },
    records,
    format,
  );
}
