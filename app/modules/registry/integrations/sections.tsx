import { Button, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Integration } from '../../../../shared/registry/integrations.ts';
import type { System } from '../../../../shared/registry/systems.ts';
import { UnitLink } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { Loading } from '../../../platform/Loading.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { EmptyValue, Section } from '../../../platform/page.tsx';
import { DataTable, useCursorList } from '../../../platform/table.tsx';
import { integrationKeys, useImpact } from './api.ts';
import { IntegrationHead, IntegrationRows, useIntegrationDialogs } from './rows.tsx';

// The sections integrations add to a system's page: what it receives and sends, with dialogs to
// add, change and archive, and what stops if it stops (the impact analysis).

export function IntegrationsSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const list = useCursorList<Integration>(integrationKeys.list, '/api/v1/integrations', {
    systemId: system.id,
    limit: 200,
  });
  const dialogs = useIntegrationDialogs();
  const incoming = list.items.filter((i) => i.toSystem.id === system.id);
  const outgoing = list.items.filter((i) => i.fromSystem.id === system.id);
  const side = (items: Integration[], other: 'from' | 'to', key: 'incoming' | 'outgoing') => (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t(`registry.integrations.section.${key}`)}
      </Title>
      {!list.isPending && !list.error && items.length === 0 ? (
        // No empty table in the page's narrow column: its headers would overflow into a scroll
        // region a keyboard cannot reach (axe: scrollable-region-focusable).
        <Text size="sm" c="dimmed">
          {t(`registry.integrations.section.none${key === 'incoming' ? 'Incoming' : 'Outgoing'}`)}
        </Text>
      ) : (
        <CursorTable
          bordered={false}
          list={{ ...list, items }}
          caption={t(`registry.integrations.section.${key}Caption`)}
          colSpan={6}
          minWidth={640}
          emptyText={t(`registry.integrations.section.none${key === 'incoming' ? 'Incoming' : 'Outgoing'}`)}
          head={<IntegrationHead other={other} />}
        >
          <IntegrationRows items={items} other={other} onEdit={dialogs.edit} onArchive={dialogs.archive} />
        </CursorTable>
      )}
    </Stack>
  );
  return (
    <Section
      id="system-integrations"
      title={t('registry.integrations.section.title')}
      actions={
        system.can.update ? (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => dialogs.edit(null)}
          >
            {t('registry.integrations.section.add')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="md">
        {side(incoming, 'from', 'incoming')}
        {side(outgoing, 'to', 'outgoing')}
      </Stack>
      {dialogs.dialogs({ fromSystemId: system.id }, system.name)}
    </Section>
  );
}

export function ImpactSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const impact = useImpact(system.id);
  const data = impact.data;
  return (
    <Section id="system-impact" title={t('registry.integrations.impact.title')}>
      {!data ? (
        impact.error ? (
          <ProblemAlert error={impact.error} />
        ) : (
          <Loading size="sm" />
        )
      ) : data.systems.length === 0 ? (
        <Text size="sm">{t('registry.integrations.impact.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {t('registry.integrations.impact.lead', {
              systems: data.systems.length,
              units: data.units.length,
            })}
          </Text>
          <DataTable
            caption={t('registry.integrations.impact.systemsCaption')}
            colSpan={2}
            head={
              <Table.Tr>
                <Table.Th scope="col">{t('registry.integrations.impact.system')}</Table.Th>
                <Table.Th scope="col">{t('registry.integrations.impact.distance')}</Table.Th>
              </Table.Tr>
            }
          >
            {data.systems.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <RouterAnchor to="/systems/$systemId" params={{ systemId: s.id }} size="sm">
                    {s.name}
                  </RouterAnchor>
                </Table.Td>
                <Table.Td>
                  {s.distance === 1
                    ? t('registry.integrations.impact.direct')
                    : t('registry.integrations.impact.steps', { count: s.distance })}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Title order={3} size="h5">
            {t('registry.integrations.impact.unitsTitle')}
          </Title>
          {data.units.length === 0 ? (
            <EmptyValue />
          ) : (
            <List spacing={2} size="sm">
              {data.units.map((u) => (
                <List.Item key={u.id}>
                  <UnitLink id={u.id} />
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
    </Section>
  );
}
