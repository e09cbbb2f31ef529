import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import type { Made } from '../part.ts';
import { createAiApplication } from './service.ts';

// The demo AI Act register of Styrby: the customer-service chatbot (limited risk: people must be
// told they talk to a machine) and decision support in ekonomiskt bistånd (high risk, Annex III
// point 5(a): access to public benefits), whose FRIA is done.

export async function loadAiDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const system = (name: string) => {
    const id = made.get(`system:${name}`);
    if (!id) throw new Error(`The demo AI register names an unknown system: ${name}`);
    return id;
  };
  const chatbot = await createAiApplication(db, tenant.actor, {
    systemId: system('Chattbot kundservice'),
    name: 'Chattbot kundservice',
    purpose:
      'Svarar på vanliga frågor från invånare på styrby.se dygnet runt och lämnar över till kontaktcenter.',
    riskCategory: 'limited',
    motivation:
      'Samverkar direkt med fysiska personer men fattar inga beslut och används inte inom något område i bilaga III: transparenskrav enligt artikel 50.',
    friaRequired: false,
    transparency: 'Chattfönstret säger att man talar med en AI-assistent och erbjuder alltid en handläggare.',
    humanOversight: 'Kontaktcenter granskar ett urval samtal varje vecka och kan stänga av tjänsten.',
    registrationStatus: 'notRequired',
  });
  made.set('aiApplication:Chattbot kundservice', chatbot.id);
  const support = await createAiApplication(db, tenant.actor, {
    systemId: system('Verksamhetssystem socialtjänst'),
    name: 'Beslutsstöd ekonomiskt bistånd',
    purpose:
      'Föreslår handläggaren om en ansökan om ekonomiskt bistånd kan beviljas enligt riktlinjerna och pekar ut avvikelser.',
    riskCategory: 'high',
    highRiskArea: 'essentialServices',
    motivation:
      'Används för att bedöma rätt till offentligt bistånd (bilaga III punkt 5 a): hög risk. Förslaget påverkar beslut om enskildas försörjning.',
    friaRequired: true,
    friaOn: '2026-06-15',
    friaResult:
      'Risk för indirekt diskriminering av sökande med ovanliga inkomstmönster. Åtgärder: handläggaren fattar alltid beslutet, modellen följs upp kvartalsvis per grupp.',
    transparency:
      'Sökande informeras i beslutet om att ett beslutsstöd har använts och hur de kan begära omprövning.',
    humanOversight:
      'Varje förslag prövas av en handläggare; ingen ansökan avslås utan handläggarens eget ställningstagande. Enhetschef följer upp avvikelser.',
    registrationStatus: 'registered',
  });
  made.set('aiApplication:Beslutsstöd ekonomiskt bistånd', support.id);
}
