import { sv as integrations } from './integrations/sv.ts';
import { sv as systems } from './systems/sv.ts';

// Swedish messages of the registry, one subtree per part (t('registry.<part>.…')).
export const sv = {
  navGroup: 'Systemregister',
  systems,
  integrations,
};
