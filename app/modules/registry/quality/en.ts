import type { Messages } from '../../../platform/seam.ts';
import type { sv } from './sv.ts';

export const en: Messages<typeof sv> = {
  nav: 'Data quality',
  title: 'Data quality of the system register',
  description:
    'What is missing or wrong in the register, with the records concerned. Fix them and the figures fall.',
  allGood: 'Nothing to fix.',
  count_one: '{{count}} record',
  count_other: '{{count}} records',
  showAll: 'Show all {{count}}',
  severity: { high: 'Serious', medium: 'Should be fixed', low: 'To review' },
  check: {
    systemsWithoutOwner: 'Systems without a system owner',
    systemsWithoutManager: 'Systems without a system manager',
    classificationMissing: 'Systems in use without an information classification',
    classificationOverdue: 'Classifications overdue for review',
    contractsEnding: 'Contracts ending within six months',
    phaseOutWithLiveIntegrations: 'Systems being phased out with live integrations',
    managementPlanMissing: 'Managed objects without a plan for the year',
    recordTypesWithoutDisposalDecision: 'Record types disposed of without a disposal decision',
    aiWithoutRiskAssessment: 'AI applications without a risk assessment',
  },
};
