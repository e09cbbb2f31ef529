import { sv as importing } from './import/sv.ts';
import { sv as services } from './services/sv.ts';
import { sv as systems } from './systems/sv.ts';

// Swedish messages of the registry, one subtree per part (t('registry.<part>.…')).
export const sv = {
  navGroup: 'Systemregister',
  systems,
  services,
  import: importing,
};
