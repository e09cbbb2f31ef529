import { useTranslation } from 'react-i18next';
import type { ProcessingActivity } from '../../../../shared/registry/privacy.ts';
import { usePerson } from '../../../platform/directory/api.ts';
import { PersonLink, UnitLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { SystemLink } from '../systems/parts.tsx';
import { SupplierName } from './inputs.tsx';
import { yesNo } from './parts.tsx';

// Every Art. 30(1) field of an activity as label/value pairs, grouped as the form groups them;
// the activity page and the printable page per controller both show them.

/** A person with the contact details Art. 30(1)(a) asks for (email, phone). */
function PersonContact({ id }: { id: string | null }) {
  const person = usePerson(id);
  if (!id) return null;
  const contact = [person.data?.email, person.data?.phone].filter(Boolean).join(', ');
  return (
    <>
      <PersonLink id={id} />
      {contact && ` (${contact})`}
    </>
  );
}

export type DetailGroup = { key: string; items: { label: string; value: React.ReactNode }[] };

export function useActivityDetails(a: ProcessingActivity): DetailGroup[] {
  const { t } = useTranslation();
  const f = useFormat();
  const label = (name: string) => t(`registry.privacy.field.${name}`);
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : null);
  const yn = (v: boolean) => yesNo(t, v);
  return [
    {
      key: 'responsibility',
      items: [
        { label: label('controllerId'), value: <UnitLink id={a.controllerId} /> },
        {
          label: label('controllerContactId'),
          value: a.controllerContactId ? <PersonContact id={a.controllerContactId} /> : null,
        },
        { label: label('dpoId'), value: a.dpoId ? <PersonContact id={a.dpoId} /> : null },
      ],
    },
    {
      key: 'legal',
      items: [
        { label: label('purposes'), value: list(a.purposes) },
        { label: label('legalBasis'), value: t(`registry.privacy.legalBasis.${a.legalBasis}`) },
        { label: label('legalBasisReference'), value: a.legalBasisReference },
      ],
    },
    {
      key: 'data',
      items: [
        { label: label('dataSubjectCategories'), value: list(a.dataSubjectCategories) },
        { label: label('personalDataCategories'), value: list(a.personalDataCategories) },
        {
          label: label('sensitiveData'),
          value: a.sensitiveDataBasis
            ? `${yn(true)}: ${t(`registry.privacy.article9.${a.sensitiveDataBasis}`)}`
            : yn(a.sensitiveData),
        },
        {
          label: label('criminalData'),
          value: a.criminalData ? `${yn(true)}: ${a.criminalDataBasis ?? ''}` : yn(false),
        },
        { label: label('personalIdentityNumbers'), value: yn(a.personalIdentityNumbers) },
        {
          label: label('estimatedDataSubjects'),
          value: a.estimatedDataSubjects === null ? null : f.number(a.estimatedDataSubjects),
        },
      ],
    },
    {
      key: 'sharing',
      items: [
        { label: label('recipients'), value: list(a.recipients) },
        {
          label: label('thirdCountryTransfer'),
          value: a.thirdCountryTransfer
            ? [
                `${yn(true)}: ${a.thirdCountries.join(', ')}`,
                a.transferSafeguard ? t(`registry.privacy.safeguard.${a.transferSafeguard}`) : null,
                a.transferSafeguardNote,
              ]
                .filter(Boolean)
                .join(' · ')
            : yn(false),
        },
      ],
    },
    {
      key: 'protection',
      items: [
        { label: label('retention'), value: a.retention },
        { label: label('securityMeasures'), value: a.securityMeasures },
      ],
    },
    {
      key: 'dpia',
      items: [
        { label: label('dpiaRequired'), value: yn(a.dpiaRequired) },
        { label: label('dpiaDate'), value: f.date(a.dpiaDate) || null },
        { label: label('dpiaResult'), value: a.dpiaResult },
        {
          label: label('automatedDecisions'),
          value: a.automatedDecisions ? `${yn(true)}: ${a.automatedDecisionsDescription ?? ''}` : yn(false),
        },
      ],
    },
    {
      key: 'systems',
      items: [
        {
          label: label('systemIds'),
          value:
            a.systemIds.length === 0
              ? null
              : a.systemIds.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ', '}
                    <SystemLink id={id} />
                  </span>
                )),
        },
        { label: label('processorId'), value: a.processorId ? <SupplierName id={a.processorId} /> : null },
        {
          label: label('processorAgreementStatus'),
          value: a.processorAgreementStatus
            ? [t(`registry.privacy.agreement.${a.processorAgreementStatus}`), a.processorAgreementReference]
                .filter(Boolean)
                .join(' · ')
            : null,
        },
      ],
    },
  ];
}
