import { sv as tickets } from './tickets/sv.ts';

// Swedish messages of the service desk, one subtree per part (t('desk.<part>.…')).
export const sv = {
  navGroup: 'Servicedesk',
  navGroupAdmin: 'Servicedesk: inställningar',
  tickets,
};
