import type { Messages } from '../../platform/seam.ts';
import { en as ai } from './ai/en.ts';
import { en as classification } from './classification/en.ts';
import { en as contracts } from './contracts/en.ts';
import { en as importing } from './import/en.ts';
import { en as integrations } from './integrations/en.ts';
import { en as management } from './management/en.ts';
import { en as privacy } from './privacy/en.ts';
import { en as processes } from './processes/en.ts';
import { en as quality } from './quality/en.ts';
import { en as records } from './records/en.ts';
import { en as services } from './services/en.ts';
import type { sv } from './sv.ts';
import { en as systems } from './systems/en.ts';

export const en: Messages<typeof sv> = {
  navGroup: 'System register',
  navGroupSecurity: 'Information security and data protection',
  navGroupSuppliers: 'Suppliers and contracts',
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
