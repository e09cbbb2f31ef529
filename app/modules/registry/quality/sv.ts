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
  },
};
