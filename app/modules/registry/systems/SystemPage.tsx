import { Anchor, Grid, List, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { UnitLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { SupplierName } from '../privacy/inputs.tsx';
import { useSystem, useSystemsInvalidate } from './api.ts';
import { PhaseBadge, ScopeBadge } from './parts.tsx';
import { SystemFormModal } from './SystemForm.tsx';
import { systemSections } from './sections.tsx';

// One system: what it is, who owns and uses it, where it is in its life.

export function SystemPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { systemId } = useParams({ from: '/_app/systems/$systemId' });
  const query = useSystem(systemId);
  const system = query.data;
  const invalidate = useSystemsInvalidate();
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const restore = useRestore(`/api/v1/systems/${systemId}`, system?.version ?? 0, invalidate);
  if (!system || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`registry.systems.field.${name}`);
  const term = (group: string, value: string | null) =>
    value ? t(`registry.systems.${group}.${value}`) : null;

  return (
    <>
      <PageHeader
        title={system.name}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: t('registry.systems.title'), to: '/systems' },
          { label: system.name },
        ]}
        badges={
          <>
            <ScopeBadge scope={system.scope} />
            <PhaseBadge phase={system.phase} />
          </>
        }
        actions={
          <RecordActions
            archived={system.archivedAt !== null}
            can={system.can}
            onEdit={() => setEditing(true)}
            restore={restore}
            items={[]}
            history={{ entity: 'system', entityId: system.id }}
            onArchive={() => setArchiving(true)}
          />
        }
      />
      <SystemFormModal
        opened={editing}
        onClose={() => setEditing(false)}
        system={system}
        onReload={() => query.refetch()}
      />
      <ArchiveDialog
        opened={archiving}
        onClose={() => setArchiving(false)}
        title={t('registry.systems.archiveTitle', { name: system.name })}
        help={t('registry.systems.archiveHelp')}
        path={`/api/v1/systems/${system.id}`}
        version={system.version}
        onReload={() => query.refetch()}
        invalidate={invalidate}
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          system.archivedAt
            ? {
                title: t('registry.systems.archivedTitle', { date: f.date(system.archivedAt) }),
                reason: system.archiveReason,
              }
            : null
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section id="system-details" title={t('registry.systems.details')}>
              <DetailList
                items={[
                  { label: field('shortName'), value: system.shortName },
                  { label: field('description'), value: system.description },
                  { label: field('category'), value: system.category },
                  { label: field('owningUnitId'), value: <UnitLink id={system.owningUnitId} /> },
                  { label: field('operationForm'), value: term('operationForm', system.operationForm) },
                  { label: field('criticality'), value: term('criticality', system.criticality) },
                  { label: field('timeAssessment'), value: term('timeAssessment', system.timeAssessment) },
                  { label: field('timeMotivation'), value: system.timeMotivation },
                  {
                    label: field('supplierId'),
                    value: system.supplierId ? (
                      <RouterAnchor
                        to="/suppliers/$supplierId"
                        params={{ supplierId: system.supplierId }}
                        size="sm"
                      >
                        <SupplierName id={system.supplierId} />
                      </RouterAnchor>
                    ) : null,
                  },
                  {
                    label: field('product'),
                    value: [system.product, system.productVersion].filter(Boolean).join(' ') || null,
                  },
                  { label: field('inOperationFrom'), value: f.date(system.inOperationFrom) || null },
                  { label: field('phaseOutFrom'), value: f.date(system.phaseOutFrom) || null },
                  { label: field('retiredOn'), value: f.date(system.retiredOn) || null },
                  {
                    label: field('eService'),
                    value: t(`registry.systems.${system.eService ? 'yes' : 'no'}`),
                  },
                  {
                    label: field('ownDeveloped'),
                    value: t(`registry.systems.${system.ownDeveloped ? 'yes' : 'no'}`),
                  },
                  ...(system.ownDeveloped
                    ? [{ label: field('productCouncil'), value: system.productCouncil }]
                    : []),
                  { label: field('tags'), value: system.tags.join(', ') || null },
                  {
                    label: field('links'),
                    value:
                      system.links.length > 0 ? (
                        <List spacing={2}>
                          {system.links.map((link) => (
                            <List.Item key={link.url}>
                              <Anchor href={link.url} target="_blank" rel="noreferrer" size="sm">
                                {link.label}
                              </Anchor>
                            </List.Item>
                          ))}
                        </List>
                      ) : null,
                  },
                ]}
              />
            </Section>
            {systemSections
              .filter((s) => s.column === 'main')
              .map(({ id, Component }) => (
                <Component key={id} system={system} />
              ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section id="system-use" title={t('registry.systems.usingUnits')}>
              {system.usingUnits.length === 0 ? (
                <EmptyValue />
              ) : (
                <List spacing={4}>
                  {system.usingUnits.map((use) => (
                    <List.Item key={use.unitId}>
                      <UnitLink id={use.unitId} />{' '}
                      {use.users !== null && (
                        <Text span size="sm" c="dimmed">
                          {t('registry.systems.users', { count: use.users })}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
            {systemSections
              .filter((s) => s.column === 'side')
              .map(({ id, Component }) => (
                <Component key={id} system={system} />
              ))}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
