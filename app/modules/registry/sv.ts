import { sv as ai } from './ai/sv.ts';
import { sv as classification } from './classification/sv.ts';
import { sv as contracts } from './contracts/sv.ts';
import { sv as importing } from './import/sv.ts';
import { sv as integrations } from './integrations/sv.ts';
import { sv as management } from './management/sv.ts';
import { sv as privacy } from './privacy/sv.ts';
import { sv as processes } from './processes/sv.ts';
import { sv as quality } from './quality/sv.ts';
import { sv as records } from './records/sv.ts';
import { sv as services } from './services/sv.ts';
import { sv as systems } from './systems/sv.ts';

// Swedish messages of the registry, one subtree per part (t('registry.<part>.…')).
export const sv = {
  navGroup: 'Systemregister',
  navGroupSecurity: 'Informationssäkerhet och dataskydd',
  navGroupSuppliers: 'Leverantörer och avtal',
  systems,
  quality,
  classification,
  ai,
  services,
  import: importing,
  processes,
  records,
  privacy,
  management,
  integrations,
  contracts,
};
