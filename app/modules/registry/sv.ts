import { sv as management } from './management/sv.ts';
import { sv as privacy } from './privacy/sv.ts';
import { sv as systems } from './systems/sv.ts';

// Swedish messages of the registry, one subtree per part (t('registry.<part>.…')).
export const sv = {
  navGroup: 'Systemregister',
  systems,
  privacy,
  management,
};
