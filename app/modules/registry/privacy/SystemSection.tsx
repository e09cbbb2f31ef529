import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { System } from '../../../../shared/registry/systems.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { Section } from '../../../platform/page.tsx';
import { useRegistryCan } from '../systems/api.ts';
import { useAllActivities } from './api.ts';
import { ActivityFlags } from './parts.tsx';

// On a system's page: the processing activities that run in it (for staff; the portal does not
// read the register).

export function SystemProcessingSection({ system }: { system: System }) {
  const can = useRegistryCan();
  if (!can.data?.readCommercial) return null;
  return <Activities system={system} />;
}

function Activities({ system }: { system: System }) {
  const { t } = useTranslation();
  const activities = useAllActivities({ systemId: system.id });
  return (
    <Section id="system-processing" title={t('registry.privacy.systemSection')}>
      {activities.data && activities.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('registry.privacy.systemSectionNone')}
        </Text>
      ) : (
        <List spacing={6} listStyleType="none" p={0}>
          {activities.data?.map((a) => (
            <List.Item key={a.id}>
              <RouterAnchor to="/processing-activities/$activityId" params={{ activityId: a.id }} size="sm">
                {a.name}
              </RouterAnchor>
              <ActivityFlags activity={a} />
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
