import { sv as contracts } from './contracts/sv.ts';
import { sv as systems } from './systems/sv.ts';

// Swedish messages of the registry, one subtree per part (t('registry.<part>.…')).
export const sv = {
  navGroup: 'Systemregister',
  systems,
  contracts,
};
