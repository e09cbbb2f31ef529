import { Button, Group, List, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  QualityCheckResult,
  QualityReport,
  QualitySeverity,
} from '../../../../shared/registry/quality.ts';
import { api, query } from '../../../platform/api.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { RecordRefLink } from '../../../platform/links.tsx';
import { PageHeader, Section } from '../../../platform/page.tsx';

// The data-quality dashboard: one card per check, its count and the first records it concerns;
// "show all" fetches the rest of one check.

const tones: Record<QualitySeverity, Tone> = { high: 'negative', medium: 'warning', low: 'info' };

function CheckCard({ result }: { result: QualityCheckResult }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const more = useQuery({
    queryKey: ['registry', 'quality', result.check],
    queryFn: ({ signal }) =>
      api.get<QualityReport>(`/api/v1/registry/quality${query({ check: result.check, limit: 500 })}`, {
        signal,
      }),
    enabled: all,
  });
  const items = (all && more.data?.checks[0]?.items) || result.items;
  const id = `quality-${result.check}`;
  return (
    <Section
      id={id}
      title={t(`registry.quality.check.${result.check}`)}
      actions={
        <StatusBadge tone={result.count === 0 ? 'positive' : tones[result.severity]}>
          {result.count === 0
            ? t('registry.quality.allGood')
            : t(`registry.quality.severity.${result.severity}`)}
        </StatusBadge>
      }
    >
      <Text size="xl" fw={700} mb="xs">
        {t('registry.quality.count', { count: result.count })}
      </Text>
      {items.length > 0 && (
        <List spacing={4} size="sm">
          {items.map((item) => (
            <List.Item key={item.id}>
              <RecordRefLink name={item.name} href={item.href} />
            </List.Item>
          ))}
        </List>
      )}
      {result.count > result.items.length && !all && (
        <Group mt="sm">
          <Button variant="subtle" size="compact-sm" onClick={() => setAll(true)}>
            {t('registry.quality.showAll', { count: result.count })}
          </Button>
        </Group>
      )}
    </Section>
  );
}

export function QualityPage() {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['registry', 'quality'],
    queryFn: ({ signal }) => api.get<QualityReport>('/api/v1/registry/quality', { signal }),
  });
  return (
    <>
      <PageHeader
        title={t('registry.quality.title')}
        description={t('registry.quality.description')}
        breadcrumbs={[{ label: t('registry.navGroup') }, { label: t('registry.quality.nav') }]}
      />
      {report.error ? <ProblemAlert error={report.error} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {report.data?.checks.map((result) => (
          <CheckCard key={result.check} result={result} />
        ))}
      </SimpleGrid>
    </>
  );
}
