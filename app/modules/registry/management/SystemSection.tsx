import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { System } from '../../../../shared/registry/systems.ts';
import { PersonLink } from '../../../platform/directory/parts.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, Section } from '../../../platform/page.tsx';
import { useObjectOfSystem } from './api.ts';

// On a system's page: the förvaltningsobjekt it is in (at most one), with its owner and manager.

export function SystemManagementSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const object = useObjectOfSystem(system.id);
  return (
    <Section id="system-management" title={t('registry.management.systemSection')}>
      {object.data === null ? (
        <Text size="sm" c="dimmed">
          {t('registry.management.systemSectionNone')}
        </Text>
      ) : object.data ? (
        <DetailList
          items={[
            {
              label: t('registry.management.field.name'),
              value: (
                <RouterAnchor
                  to="/management-objects/$objectId"
                  params={{ objectId: object.data.id }}
                  size="sm"
                >
                  {object.data.name}
                </RouterAnchor>
              ),
            },
            { label: t('registry.management.field.ownerId'), value: <PersonLink id={object.data.ownerId} /> },
            {
              label: t('registry.management.field.managerId'),
              value: <PersonLink id={object.data.managerId} />,
            },
          ]}
        />
      ) : null}
    </Section>
  );
}
