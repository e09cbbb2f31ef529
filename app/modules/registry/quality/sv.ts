// Swedish messages of the data-quality dashboard (t('registry.quality.…')).
export const sv = {
  nav: 'Datakvalitet',
  title: 'Datakvalitet i systemregistret',
  description:
    'Det som saknas eller är fel i registret, med de poster det gäller. Åtgärda dem och siffrorna sjunker.',
  allGood: 'Inget att åtgärda.',
  count_one: '{{count}} post',
  count_other: '{{count}} poster',
  showAll: 'Visa alla {{count}}',
  severity: { high: 'Allvarligt', medium: 'Bör åtgärdas', low: 'Att se över' },
  check: {
    systemsWithoutOwner: 'System utan systemägare',
    systemsWithoutManager: 'System utan systemförvaltare',
    classificationMissing: 'System i bruk som saknar informationsklassning',
    classificationOverdue: 'Klassningar som ska ha setts över',
    contractsEnding: 'Avtal som löper ut inom sex månader',
    phaseOutWithLiveIntegrations: 'System under avveckling med aktiva integrationer',
    managementPlanMissing: 'Förvaltningsobjekt utan förvaltningsplan för året',
    recordTypesWithoutDisposalDecision: 'Handlingstyper som gallras utan gallringsbeslut',
    aiWithoutRiskAssessment: 'AI-tillämpningar utan riskbedömning',
  },
};
