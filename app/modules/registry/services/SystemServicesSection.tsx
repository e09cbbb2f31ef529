import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../shared/registry/services.ts';
import type { System } from '../../../../shared/registry/systems.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { EmptyValue, Section } from '../../../platform/page.tsx';
import { useSystemServices } from './api.ts';
import { KindBadge } from './parts.tsx';

// On a system's page: the services and APIs it provides and consumes.

function ServiceList({ items }: { items: Service[] }) {
  if (items.length === 0) return <EmptyValue />;
  return (
    <List spacing={4} listStyleType="none">
      {items.map((s) => (
        <List.Item key={s.id}>
          <RouterAnchor to="/services/$serviceId" params={{ serviceId: s.id }} size="sm" mr={6}>
            {s.name}
          </RouterAnchor>
          <KindBadge kind={s.kind} />
        </List.Item>
      ))}
    </List>
  );
}

export function SystemServicesSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const query = useSystemServices(system.id);
  return (
    <Section id="system-services" title={t('registry.services.sectionTitle')}>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('registry.services.systemProvides')}
          </Text>
          <ServiceList items={query.data?.provides ?? []} />
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('registry.services.systemConsumes')}
          </Text>
          <ServiceList items={query.data?.consumes ?? []} />
        </div>
      </Stack>
    </Section>
  );
}
