import { Anchor, Grid, List, Stack, Text } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRole } from '../../../../shared/registry/services.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { PersonLink, UnitLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { PhaseBadge } from '../systems/parts.tsx';
import { useService, useServicesInvalidate } from './api.ts';
import { KindBadge, Levels } from './parts.tsx';
import { ServiceFormModal, ServiceSystemsModal } from './ServiceForms.tsx';

// One service or API: what it is, who owns it, where it runs, its K/R/T (for those who may read
// them), and the systems that provide and consume it.

export function ServicePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { serviceId } = useParams({ from: '/_app/services/$serviceId' });
  const query = useService(serviceId);
  const invalidate = useServicesInvalidate();
  const [dialog, setDialog] = useState<null | 'edit' | 'link' | 'archive'>(null);
  const service = query.data;
  const restore = useRestore(`/api/v1/services/${serviceId}`, service?.version ?? 0, invalidate);
  if (!service || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const reload = () => query.refetch();
  const field = (name: string) => t(`registry.services.field.${name}`);
  const archived = !!service.archivedAt;
  const linked = (role: ServiceRole) => {
    const links = service.systems.filter((l) => l.role === role);
    if (links.length === 0) return <EmptyValue />;
    return (
      <List spacing={4}>
        {links.map((l) => (
          <List.Item key={l.systemId}>
            <RouterAnchor to="/systems/$systemId" params={{ systemId: l.systemId }} size="sm">
              {l.name}
            </RouterAnchor>
            {l.archived && (
              <Text span size="xs" c="dimmed" ml={6}>
                {t('registry.services.archivedSystem')}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    );
  };

  return (
    <>
      <PageHeader
        title={service.name}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: t('registry.services.title'), to: '/services' },
          { label: service.name },
        ]}
        badges={
          <>
            <KindBadge kind={service.kind} />
            <PhaseBadge phase={service.phase} />
          </>
        }
        actions={
          <RecordActions
            archived={archived}
            can={service.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[
              {
                icon: <IconPlugConnected size={16} aria-hidden />,
                label: t('registry.services.link'),
                onClick: () => setDialog('link'),
                allowed: service.can.linkSystems,
              },
            ]}
            history={{ entity: 'service', entityId: service.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void reload()}
        archived={
          archived
            ? {
                title: t('registry.services.archivedTitle', { date: f.date(service.archivedAt) }),
                reason: service.archiveReason,
              }
            : null
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section id="service-details" title={t('registry.services.details')}>
            <DetailList
              items={[
                { label: field('description'), value: service.description },
                { label: field('ownerId'), value: <PersonLink id={service.ownerId} /> },
                { label: field('owningUnitId'), value: <UnitLink id={service.owningUnitId} /> },
                {
                  label: field('hosting'),
                  value: service.hosting ? t(`registry.systems.operationForm.${service.hosting}`) : null,
                },
                { label: field('supplierId'), value: service.supplierName },
                { label: field('apiVersion'), value: service.apiVersion },
                {
                  label: field('documentationUrl'),
                  value: service.documentationUrl ? (
                    <Anchor href={service.documentationUrl} size="sm" target="_blank" rel="noreferrer">
                      {service.documentationUrl}
                    </Anchor>
                  ) : null,
                },
                { label: t('registry.services.levels'), value: <Levels service={service} /> },
                { label: t('field.updatedAt'), value: f.dateTime(service.updatedAt) },
              ]}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section id="service-provides" title={t('registry.services.provides')}>
              {linked('provides')}
            </Section>
            <Section id="service-consumes" title={t('registry.services.consumes')}>
              {linked('consumes')}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      <ServiceFormModal
        opened={dialog === 'edit'}
        onClose={() => setDialog(null)}
        service={service}
        onReload={reload}
      />
      <ServiceSystemsModal
        opened={dialog === 'link'}
        onClose={() => setDialog(null)}
        service={service}
        onReload={reload}
      />
      <ArchiveDialog
        opened={dialog === 'archive'}
        onClose={() => setDialog(null)}
        title={t('registry.services.archiveTitle', { name: service.name })}
        help={t('registry.services.archiveHelp')}
        path={`/api/v1/services/${service.id}`}
        version={service.version}
        onReload={reload}
        invalidate={invalidate}
      />
    </>
  );
}
