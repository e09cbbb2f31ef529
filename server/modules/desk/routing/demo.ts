import type { RoutingRuleCreate } from '../../../../shared/desk/routing.ts';
import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { createRule } from './service.ts';

// The default rules of seed 000 ("var vänder jag mig"): questions on a system's log-in, passwords,
// functions or training go to the system's förvaltning; client installation, printing and network to
// the IT unit; change requests to the system's förvaltare. Anything else stays with the first line.

export function defaultRules(secondLineId: string): RoutingRuleCreate[] {
  return [
    {
      name: 'Inloggning, lösenord, funktioner och utbildning i ett system → systemets förvaltning',
      conditions: { categories: ['account', 'password', 'function', 'training'], hasSystem: true },
      target: 'systemGroup',
    },
    {
      name: 'Inloggning och behörighet nämnd i texten → systemets förvaltning',
      conditions: {
        keywords: ['logga in', 'inloggning', 'lösenord', 'behörighet', 'konto', 'utbildning'],
        hasSystem: true,
      },
      target: 'systemGroup',
    },
    {
      name: 'Klientinstallation, utskrift och nätverk → IT-enheten',
      conditions: { categories: ['client', 'printing', 'network'] },
      target: 'group',
      groupId: secondLineId,
    },
    {
      name: 'Skrivare, installation och nätverk nämnt i texten → IT-enheten',
      conditions: {
        keywords: ['skrivare', 'utskrift', 'installera', 'installation', 'nätverk', 'wifi', 'wi-fi'],
      },
      target: 'group',
      groupId: secondLineId,
    },
    {
      name: 'Ändringsönskemål → systemets förvaltare',
      conditions: { types: ['change'], hasSystem: true },
      target: 'systemGroup',
    },
  ];
}

export async function loadRoutingDemo(db: Database, tenant: DemoContext, made: Made) {
  const secondLine = made.get('group:IT-enheten, andra linjen');
  if (!secondLine) return;
  for (const rule of defaultRules(secondLine)) await createRule(db, tenant.actor, rule);
}
