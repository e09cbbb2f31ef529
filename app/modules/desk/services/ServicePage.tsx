import { Paper, Stack, Table, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { ArchivedBadge, PersonLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useCatalogueService, useServicesInvalidate } from './api.ts';
import { type AnswerValues, OrderFields } from './OrderFields.tsx';
import { ServiceFormModal } from './ServiceForm.tsx';

// One catalogue service: who owns and fulfils it, the level that applies, and its order form, as
// a list of fields and as the employee will see it in the portal.

export function ServicePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { serviceId } = useParams({ from: '/_app/desk/services/$serviceId' });
  const query = useCatalogueService(serviceId);
  const [dialog, setDialog] = useState<null | 'edit' | 'archive'>(null);
  const [preview, setPreview] = useState<AnswerValues>({});
  const invalidate = useServicesInvalidate();
  const restore = useRestore(`/api/v1/catalogue-services/${serviceId}`, query.data?.version ?? 0, invalidate);
  const service = query.data;
  if (!service || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`desk.services.services.field.${name}`);
  const b = (key: string) => t(`desk.services.services.builder.${key}`);

  return (
    <>
      <PageHeader
        title={service.name}
        breadcrumbs={[
          { label: t('desk.navGroupAdmin') },
          { label: t('desk.services.services.title'), to: '/desk/services' },
          { label: service.name },
        ]}
        badges={service.archivedAt ? <ArchivedBadge /> : undefined}
        actions={
          <RecordActions
            archived={!!service.archivedAt}
            can={service.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[]}
            history={{ entity: 'catalogueService', entityId: service.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          service.archivedAt
            ? {
                title: t('desk.services.services.archivedTitle', { date: f.date(service.archivedAt) }),
                reason: service.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="service-details" title={t('desk.services.services.details')}>
          <DetailList
            items={[
              { label: field('description'), value: service.description },
              {
                label: field('group'),
                value: service.groupId ? (
                  <RouterAnchor to="/desk/groups/$groupId" params={{ groupId: service.groupId }}>
                    {service.groupName}
                  </RouterAnchor>
                ) : null,
              },
              {
                label: field('level'),
                value: service.serviceLevelId ? (
                  <RouterAnchor
                    to="/desk/service-levels/$levelId"
                    params={{ levelId: service.serviceLevelId }}
                  >
                    {service.serviceLevelName}
                  </RouterAnchor>
                ) : (
                  t('desk.services.levels.default')
                ),
              },
              {
                label: field('owner'),
                value: service.ownerId ? (
                  <PersonLink id={service.ownerId} name={service.ownerName ?? undefined} />
                ) : null,
              },
              {
                label: field('system'),
                value: service.systemId ? (
                  <RouterAnchor to="/systems/$systemId" params={{ systemId: service.systemId }}>
                    {service.systemName}
                  </RouterAnchor>
                ) : null,
              },
              { label: field('orderable'), value: service.orderable ? t('common.yes') : t('common.no') },
            ]}
          />
        </Section>
        <Section
          id="service-form"
          title={t('desk.services.services.formTitle')}
          description={t('desk.services.services.formHelp')}
        >
          <DataTable
            caption={t('desk.services.services.formCaption')}
            colSpan={4}
            minWidth={560}
            empty={service.orderForm.length === 0}
            emptyText={t('desk.services.services.formNone')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{b('label')}</Table.Th>
                <Table.Th scope="col">{b('type')}</Table.Th>
                <Table.Th scope="col">{b('required')}</Table.Th>
                <Table.Th scope="col">{b('key')}</Table.Th>
              </Table.Tr>
            }
          >
            {service.orderForm.map((x) => (
              <Table.Tr key={x.key}>
                <Table.Td>
                  <Text span size="sm">
                    {x.label}
                  </Text>
                  {x.options && x.options.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {x.options.join(', ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{b(`types.${x.type}`)}</Table.Td>
                <Table.Td>{x.required ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td>
                  <code>{x.key}</code>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Section>
        {service.orderForm.length > 0 && (
          <Section id="service-preview" title={t('desk.services.services.previewTitle')}>
            <Paper withBorder p="md" maw={640}>
              <OrderFields
                form={service.orderForm}
                values={preview}
                onChange={(key, value) => setPreview((v) => ({ ...v, [key]: value }))}
                errors={{}}
                idPrefix="preview"
              />
            </Paper>
          </Section>
        )}
      </Stack>
      {service.can.update && (
        <ServiceFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          service={service}
          onReload={() => query.refetch()}
        />
      )}
      {service.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('desk.services.services.archiveTitle', { name: service.name })}
          help={t('desk.services.services.archiveHelp')}
          path={`/api/v1/catalogue-services/${service.id}`}
          version={service.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}
