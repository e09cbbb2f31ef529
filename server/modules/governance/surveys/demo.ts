import { namedScales, type SectionInput } from '../../../../shared/governance/surveys.ts';
import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { createRound, createTemplate, getRound, saveAnswers, submitRound } from './service.ts';

// The demo's self-assessment: a template in the manner of SKR's e-förvaltning self-assessment
// that seed 003 names (the questions are written for the demo, not SKR's text), answered by the
// IT-styrgrupp for three years with a rising trend; the oldest two submitted, this year's a
// draft. Everything through the service, so it is validated and audited as in the UI.

const maturity = [...namedScales.maturity5];
const agreement = [...namedScales.agreement5];

export const demoTemplate: { title: string; description: string; sections: SectionInput[] } = {
  title: 'Självskattning e-förvaltning',
  description:
    'Årlig självskattning av kommunens e-förvaltning, i samma anda som SKR:s självskattning. Besvaras av IT-styrgruppen inför verksamhetsplaneringen. Skalan går från 1 (saknas) till 5 (fullt utvecklad).',
  sections: [
    {
      title: 'Styrning och ledning',
      questions: [
        {
          text: 'Det finns en beslutad IT-strategi som är känd i förvaltningarna',
          help: 'Strategin är antagen av KS eller KF och kommunicerad till förvaltningsledningarna.',
          kind: 'scale',
          scale: maturity,
        },
        {
          text: 'Forum, mandat och beslutsvägar för e-förvaltning är tydliga',
          help: 'Till exempel IT-styrgrupp, beredningsgrupp och systemägargrupp med beslutade mandat.',
          kind: 'scale',
          scale: maturity,
        },
        {
          text: 'Kommunens IT-kostnader följs upp och jämförs med andra kommuner',
          kind: 'scale',
          scale: maturity,
        },
        { text: 'Har IT-styrgruppen följt upp förra årets handlingsplan?', kind: 'yesNo' },
      ],
    },
    {
      title: 'E-tjänster och digitala kontakter',
      questions: [
        {
          text: 'Invånare och företag kan sköta sina vanligaste ärenden digitalt',
          kind: 'scale',
          scale: maturity,
        },
        { text: 'Antalet e-tjänster och deras användning följs upp årligen', kind: 'scale', scale: maturity },
        {
          text: 'E-tjänsterna utvecklas utifrån invånarnas behov',
          help: 'Användartester, synpunkter och statistik ligger till grund för utvecklingen.',
          kind: 'scale',
          scale: agreement,
        },
      ],
    },
    {
      title: 'Informationssäkerhet',
      questions: [
        {
          text: 'Verksamhetssystemens information är klassad (konfidentialitet, riktighet, tillgänglighet)',
          kind: 'scale',
          scale: maturity,
        },
        {
          text: 'Det finns en kontinuitetsplan för IT som är övad det senaste året',
          kind: 'scale',
          scale: maturity,
        },
        { text: 'Informationssäkerhetsincidenter rapporteras och följs upp', kind: 'scale', scale: maturity },
      ],
    },
    {
      title: 'Arkitektur och infrastruktur',
      questions: [
        { text: 'Det finns en aktuell systemkarta med integrationer', kind: 'scale', scale: maturity },
        {
          text: 'Kommungemensamma system används i stället för egna lösningar där det går',
          kind: 'scale',
          scale: agreement,
        },
        {
          text: 'Nya system följer kommunens arkitekturprinciper och standarder',
          kind: 'scale',
          scale: maturity,
        },
      ],
    },
    {
      title: 'Kompetens och förändringsledning',
      questions: [
        {
          text: 'Systemägare och systemförvaltare har tid och kompetens för sina uppdrag',
          kind: 'scale',
          scale: maturity,
        },
        {
          text: 'Medarbetarna får utbildning när nya system och e-tjänster införs',
          kind: 'scale',
          scale: agreement,
        },
        { text: 'Vad är det viktigaste att utveckla kommande år?', kind: 'text' },
      ],
    },
  ],
};

/** Each year's scale answers, question by question in template order: a rising trend. */
const years: { year: number; values: number[]; yes: boolean; text: string; submit: boolean }[] = [
  {
    year: 2024,
    values: [2, 2, 1, 2, 2, 1, 2, 3, 2, 2, 2, 1, 2, 2],
    yes: false,
    text: 'Klassa informationen i verksamhetssystemen och ta fram en systemkarta.',
    submit: true,
  },
  {
    year: 2025,
    values: [3, 3, 2, 3, 3, 2, 3, 3, 3, 3, 3, 2, 3, 3],
    yes: true,
    text: 'Öva kontinuitetsplanen och följ upp e-tjänsternas användning.',
    submit: true,
  },
  {
    year: 2026,
    values: [4, 4, 3, 3, 4, 3, 4, 4, 4, 4, 3, 3, 3, 4],
    yes: true,
    text: 'Kompetens hos systemförvaltarna och arkitekturprinciper för nya system.',
    submit: false,
  },
];

const comments: Record<string, string> = {
  '2026:Det finns en kontinuitetsplan för IT som är övad det senaste året':
    'Övning genomförd i mars tillsammans med driftleverantören.',
  '2024:Det finns en aktuell systemkarta med integrationer':
    'Systemkartan finns i ett kalkylark som inte är uppdaterat.',
};

export async function loadSurveysDemo(db: Database, tenant: DemoContext, made: Made) {
  const forumId = made.get('forum:IT-styrgrupp');
  if (!forumId) return;
  const template = await createTemplate(db, tenant.actor, demoTemplate);
  made.set(`surveyTemplate:${demoTemplate.title}`, template.id);
  for (const y of years) {
    const round = await createRound(db, tenant.actor, { templateId: template.id, forumId, year: y.year });
    const { sections } = await getRound(db, tenant.actor, round.id);
    let i = 0;
    const answers = sections.flatMap((s) =>
      s.questions.map((q) => {
        const comment = comments[`${y.year}:${q.text}`] ?? null;
        if (q.kind === 'scale') return { questionId: q.id, value: y.values[i++]!, comment, version: null };
        if (q.kind === 'yesNo') return { questionId: q.id, value: y.yes ? 1 : 0, comment, version: null };
        return { questionId: q.id, text: y.text, comment, version: null };
      }),
    );
    await saveAnswers(db, tenant.actor, round.id, { answers });
    if (y.submit) await submitRound(db, tenant.actor, round.id, round.version);
    made.set(`surveyRound:${y.year}`, round.id);
  }
}
