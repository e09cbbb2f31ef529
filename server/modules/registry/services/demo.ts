import type { ServiceKind } from '../../../../shared/registry/services.ts';
import type { LifecyclePhase, OperationForm } from '../../../../shared/registry/systems.ts';
import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import type { Made } from '../part.ts';
import { insertService, linkSystems } from './service.ts';

// The demo municipality's services and APIs: what the integration platform, the identity
// platform and the IT unit offer the systems of ../systems/demo-data.ts. Ids go into `made` as
// `service:<name>`. Owners are demo people (server/platform/directory/demo-data.ts).

interface DemoService {
  kind: ServiceKind;
  name: string;
  description: string;
  owner?: string;
  unit: string;
  hosting: OperationForm;
  supplier?: string;
  krt?: [number, number, number];
  apiVersion?: string;
  documentationUrl?: string;
  phase?: LifecyclePhase;
  provides: string[];
  consumes: string[];
}

const services: DemoService[] = [
  {
    kind: 'api',
    name: 'Navet-slagning API',
    description: 'Slår upp folkbokföringsuppgifter från Skatteverkets Navet åt verksamhetssystemen.',
    owner: 'daniel.ekstrom',
    unit: 'it',
    hosting: 'itUnit',
    krt: [3, 3, 2],
    apiVersion: 'v2',
    documentationUrl: 'https://integration.styrby.example/api/navet',
    provides: ['Integrationsplattform'],
    consumes: [
      'Befolkningsregister',
      'Verksamhetssystem socialtjänst',
      'Elevregister och skoladministration',
      'Verksamhetssystem vård och omsorg',
    ],
  },
  {
    kind: 'service',
    name: 'E-legitimering (BankID och Freja)',
    description: 'Inloggning med e-legitimation för invånare i e-tjänster och på Mina sidor.',
    owner: 'helena.bergstrom',
    unit: 'it',
    hosting: 'saas',
    krt: [2, 3, 3],
    provides: ['E-legitimation'],
    consumes: [
      'E-tjänsteplattform',
      'Ekonomiskt bistånd e-ansökan',
      'E-tjänst bygglov',
      'Skolplattform vårdnadshavare',
    ],
  },
  {
    kind: 'service',
    name: 'Inloggning för medarbetare (SSO)',
    description: 'Gemensam inloggning med OpenID Connect och SAML för kommunens medarbetare.',
    owner: 'anders.holm',
    unit: 'it',
    hosting: 'saas',
    supplier: 'Microsoft AB',
    krt: [3, 3, 3],
    provides: ['Inloggning och identitet'],
    consumes: ['Intranät', 'IT-portalen', 'Styrbord', 'Samarbetsyta och filer', 'Ekonomisystem'],
  },
  {
    kind: 'api',
    name: 'Personal-API',
    description: 'Anställningar, organisation och chefer från lönesystemet till katalogtjänsten.',
    owner: 'daniel.ekstrom',
    unit: 'it',
    hosting: 'itUnit',
    krt: [2, 3, 2],
    apiVersion: '1.4',
    provides: ['Integrationsplattform', 'Lön- och personalsystem'],
    consumes: ['Katalogtjänst', 'Styrbord', 'Tidrapportering och schema'],
  },
  {
    kind: 'api',
    name: 'Leverantörsfakturor API',
    description: 'Skannade leverantörsfakturor in till ekonomisystemet, via integrationsplattformen.',
    owner: 'daniel.ekstrom',
    unit: 'it',
    hosting: 'itUnit',
    krt: [1, 3, 2],
    apiVersion: 'v1',
    provides: ['Integrationsplattform'],
    consumes: ['Ekonomisystem', 'E-handel och inköp'],
  },
  {
    kind: 'api',
    name: 'Ärende-API för e-tjänster',
    description: 'E-tjänsternas ärenden in i diariet och verksamhetssystemen.',
    owner: 'mirja.koskinen',
    unit: 'it',
    hosting: 'itUnit',
    krt: [2, 2, 2],
    apiVersion: 'v3',
    provides: ['Integrationsplattform'],
    consumes: ['E-tjänsteplattform', 'Diarium och ärendehantering', 'Bygglovshantering'],
  },
  {
    kind: 'api',
    name: 'Kartdata WMS/WFS',
    description: 'Baskarta, detaljplaner och fastighetsgränser som karttjänster.',
    unit: 'gis',
    hosting: 'itUnit',
    krt: [1, 2, 1],
    apiVersion: 'WMS 1.3.0',
    provides: ['GIS-plattform'],
    consumes: ['Bygglovshantering', 'Webbplats styrby.se', 'Gatu- och parkunderhåll', 'VA-kundregister'],
  },
  {
    kind: 'service',
    name: 'SMS-tjänst',
    description: 'Utskick av sms till invånare och medarbetare: påminnelser, krisinformation, koder.',
    owner: 'magnus.berglund',
    unit: 'it',
    hosting: 'saas',
    krt: [2, 2, 3],
    provides: ['Meddelandetjänst SMS'],
    consumes: ['Kommunikation krisledning', 'Planering hemtjänst', 'Förskolans närvaro och schema'],
  },
  {
    kind: 'service',
    name: 'Utskrift som tjänst',
    description: 'Utskrift och kuvertering av utskick; följa-mig-utskrift på kontoren.',
    owner: 'magnus.berglund',
    unit: 'drift',
    hosting: 'supplierHosted',
    supplier: 'Atea Sverige AB',
    provides: ['Utskriftstjänst'],
    consumes: ['Ekonomisystem', 'VA-kundregister', 'Lön- och personalsystem'],
  },
  {
    kind: 'service',
    name: 'E-post',
    description: 'E-post, kalender och funktionsbrevlådor för kommunens medarbetare.',
    owner: 'anders.holm',
    unit: 'it',
    hosting: 'saas',
    supplier: 'Microsoft AB',
    krt: [2, 2, 3],
    provides: ['E-post och kalender'],
    consumes: ['Ärendehantering IT (servicedesk)', 'Diarium och ärendehantering', 'Styrbord'],
  },
  {
    kind: 'service',
    name: 'Säker digital post (Mina meddelanden)',
    description: 'Myndighetspost till invånarnas digitala brevlådor.',
    owner: 'helena.bergstrom',
    unit: 'it',
    hosting: 'saas',
    krt: [3, 3, 2],
    provides: ['Integrationsplattform'],
    consumes: ['Ekonomisystem', 'Verksamhetssystem socialtjänst', 'Bygglovshantering'],
  },
  {
    kind: 'api',
    name: 'Händelse-API (meddelandekö)',
    description: 'Händelser om personer, enheter och ärenden som publiceras till prenumererande system.',
    owner: 'daniel.ekstrom',
    unit: 'it',
    hosting: 'itUnit',
    apiVersion: '0.9',
    phase: 'implementation',
    provides: ['Integrationsplattform'],
    consumes: ['Styrbord', 'Beslutsstöd och rapporter'],
  },
  {
    kind: 'service',
    name: 'Säkerhetskopiering som tjänst',
    description: 'Säkerhetskopiering av servrar och databaser med återläsning på begäran.',
    owner: 'magnus.berglund',
    unit: 'drift',
    hosting: 'itUnit',
    krt: [3, 3, 3],
    provides: ['Säkerhetskopiering'],
    consumes: ['Ekonomisystem', 'Diarium och ärendehantering', 'E-arkiv'],
  },
];

export async function loadServicesDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const system = (name: string) => {
    const id = made.get(`system:${name}`);
    if (!id) throw new Error(`Demo service names the unknown system ${name}`);
    return id;
  };
  // One transaction for them all: the demo loads at every fresh start.
  await inTenant(db, tenant.actor, async (tx) => {
    for (const s of services) {
      const row = await insertService(tx, {
        kind: s.kind,
        name: s.name,
        description: s.description,
        ownerId: s.owner ? tenant.personId(`${s.owner}@styrby.example`) : null,
        owningUnitId: tenant.unitId(s.unit),
        hosting: s.hosting,
        supplierId: s.supplier ? (made.get(`supplier:${s.supplier}`) ?? null) : null,
        confidentiality: s.krt?.[0] ?? null,
        integrity: s.krt?.[1] ?? null,
        availability: s.krt?.[2] ?? null,
        apiVersion: s.apiVersion ?? null,
        documentationUrl: s.documentationUrl ?? null,
        phase: s.phase ?? 'operation',
      });
      await linkSystems(tx, row.id, {
        version: row.version,
        provides: s.provides.map(system),
        consumes: s.consumes.map(system),
      });
      made.set(`service:${s.name}`, row.id);
    }
  });
}
