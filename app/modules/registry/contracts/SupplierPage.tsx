import { Anchor, Stack, Table } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { System } from '../../../../shared/registry/systems.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { UnitLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { systemKeys, useRegistryCan } from '../systems/api.ts';
import { PhaseBadge } from '../systems/parts.tsx';
import { useSupplier } from './api.ts';
import { ContractTable } from './parts.tsx';
import { SupplierFormModal, useSupplierInvalidate } from './SupplierForms.tsx';

// One supplier: who they are and how to reach them, their contracts and their systems.

export function SupplierPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { supplierId } = useParams({ from: '/_app/suppliers/$supplierId' });
  const query = useSupplier(supplierId);
  const can = useRegistryCan();
  const systems = useCursorList<System>(systemKeys.list, '/api/v1/systems', { supplierId, limit: 50 });
  const [dialog, setDialog] = useState<null | 'edit' | 'archive'>(null);
  const invalidate = useSupplierInvalidate();
  const restore = useRestore(`/api/v1/suppliers/${supplierId}`, query.data?.version ?? 0, invalidate);
  const supplier = query.data;
  if (!supplier || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`registry.contracts.contracts.field.${name}`);

  return (
    <>
      <PageHeader
        title={supplier.name}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: t('registry.contracts.suppliers.title'), to: '/suppliers' },
          { label: supplier.name },
        ]}
        actions={
          <RecordActions
            archived={!!supplier.archivedAt}
            can={supplier.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[]}
            history={{ entity: 'supplier', entityId: supplier.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          supplier.archivedAt
            ? {
                title: t('registry.contracts.suppliers.archivedTitle', { date: f.date(supplier.archivedAt) }),
                reason: supplier.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="supplier-details" title={t('registry.contracts.suppliers.details')}>
          <DetailList
            items={[
              { label: field('orgNumber'), value: supplier.orgNumber },
              { label: field('address'), value: supplier.address },
              { label: field('phone'), value: supplier.phone },
              {
                label: field('email'),
                value: supplier.email ? (
                  <Anchor href={`mailto:${supplier.email}`}>{supplier.email}</Anchor>
                ) : null,
              },
              {
                label: field('website'),
                value: supplier.website ? (
                  <Anchor href={supplier.website} target="_blank" rel="noreferrer">
                    {supplier.website}
                  </Anchor>
                ) : null,
              },
              { label: field('contactPerson'), value: supplier.contactPerson },
              { label: field('notes'), value: supplier.notes },
            ]}
          />
        </Section>
        {can.data?.readCommercial && (
          <Section id="supplier-contracts" title={t('registry.contracts.suppliers.contracts')}>
            <ContractTable
              bordered={false}
              params={{ supplierId }}
              caption={t('registry.contracts.suppliers.contracts')}
              emptyText={t('registry.contracts.contracts.none')}
            />
          </Section>
        )}
        <Section id="supplier-systems" title={t('registry.contracts.suppliers.systems')}>
          <CursorTable
            bordered={false}
            list={systems}
            caption={t('registry.contracts.suppliers.systemsCaption')}
            colSpan={3}
            minWidth={560}
            emptyText={t('registry.contracts.suppliers.noSystems')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{t('registry.systems.field.name')}</Table.Th>
                <Table.Th scope="col">{t('registry.systems.field.phase')}</Table.Th>
                <Table.Th scope="col">{t('registry.systems.field.owningUnitId')}</Table.Th>
              </Table.Tr>
            }
          >
            {systems.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <RouterAnchor to="/systems/$systemId" params={{ systemId: s.id }} size="sm">
                    {s.name}
                  </RouterAnchor>
                </Table.Td>
                <Table.Td>
                  <PhaseBadge phase={s.phase} />
                </Table.Td>
                <Table.Td>
                  <UnitLink id={s.owningUnitId} />
                </Table.Td>
              </Table.Tr>
            ))}
          </CursorTable>
        </Section>
      </Stack>
      {supplier.can.update && (
        <SupplierFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          supplier={supplier}
          onReload={() => query.refetch()}
        />
      )}
      {supplier.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('registry.contracts.suppliers.archiveTitle', { name: supplier.name })}
          help={t('registry.contracts.suppliers.archiveHelp')}
          path={`/api/v1/suppliers/${supplier.id}`}
          version={supplier.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}
