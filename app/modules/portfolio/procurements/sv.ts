// Swedish messages of procurements (t('portfolio.procurements.…')).
export const sv = {
  nav: 'Upphandlingar',
  searchSection: 'Upphandlingar',
  auditEntity: 'Upphandling',
  auditSettings: 'Inställningar för upphandling',
  startSection: 'Återupphandlingar som behöver starta',
};
