import { sv as ai } from './ai/sv.ts';
import { sv as classification } from './classification/sv.ts';
import { sv as quality } from './quality/sv.ts';
import { sv as systems } from './systems/sv.ts';

// Swedish messages of the registry, one subtree per part (t('registry.<part>.…')).
export const sv = {
  navGroup: 'Systemregister',
  systems,
  quality,
  classification,
  ai,
};
