// Svenska texter för uppföljningen av underleverantörsavtal.
export const sv = {
  nav: 'Leverantörsavtal',
  title: 'Uppföljning av leverantörsavtal',
  description:
    'Ärenden som lämnats till en leverantör, mätta mot de servicenivåer som leverantören har lovat i avtalet. Nivåerna anges som ett underleverantörsavtal under Servicenivåer.',
  period: 'Period',
  levels: 'Avtalade servicenivåer',
  levelsHint:
    'Ett avtal med servicenivåer är en servicenivå av typen underleverantörsavtal som anger avtalet.',
  table: 'Per leverantör och avtal',
  tableCaption: 'Leverantörsavtal, {{from}} – {{to}}',
  supplier: 'Leverantör',
  contract: 'Avtal',
  noContract: 'Inget avtal med servicenivåer (mäts inte)',
  level: 'Servicenivå',
  tickets: 'Ärenden',
  spells: 'Överlämningar',
  open: 'Hos leverantören nu',
  response: 'Svar i tid',
  responseMedian: 'Svarstid, median',
  responseMean: 'Svarstid, medel',
  resolution: 'Klara i tid',
  resolutionMedian: 'Tid hos leverantören, median',
  resolutionMean: 'Tid hos leverantören, medel',
  breaches: 'Överskridanden',
  measured: '{{share}} av {{count}}',
  counting:
    'Ett ärende är hos leverantören medan leverantörens grupp har det eller medan det väntar på leverantören. Svar: leverantörens första åtgärd efter överlämningen. Klart: när ärendet lämnar leverantören (löst eller tillbaka till egen grupp). Arbetstid enligt avtalets kalender; tid då ärendet väntar på beställaren räknas inte.',
};
