import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconSend, IconTrash } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetAction } from '../../../../shared/catalogue/assets.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useCatalogueInvalidate } from '../api.ts';
import { AssetActionDialog } from './AssetDialogs.tsx';
import { AssetFormModal } from './AssetForm.tsx';
import { useAsset } from './api.ts';
import { AssetStateBadge } from './parts.tsx';

// One rental asset: what it is, what it cost and is worth now, its rent and replacement date, who
// holds it, and who held it when (the periods the chargeback charges). The keepers issue, return,
// scrap, change, archive and restore it, each as the asset's `can` allows.

export function AssetPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { assetId } = useParams({ from: '/_app/catalogue/assets/$assetId' });
  const query = useAsset(assetId);
  const invalidate = useCatalogueInvalidate();
  const restore = useRestore(`/api/v1/catalogue/assets/${assetId}`, query.data?.version ?? 0, invalidate);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [action, setAction] = useState<AssetAction | null>(null);
  const a = query.data;
  if (!a || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.assets.${key}`, o);
  const field = (name: string) => m(`field.${name}`);
  const reload = () => query.refetch();
  const actionButton = (which: AssetAction, icon: ReactNode) =>
    a.can[which] && !a.archivedAt ? (
      <Button
        variant={which === 'scrap' ? 'light' : 'default'}
        color={which === 'scrap' ? 'red' : undefined}
        leftSection={icon}
        onClick={() => setAction(which)}
      >
        {m(which)}
      </Button>
    ) : null;
  return (
    <>
      <PageHeader
        title={`${a.model} (${a.serial})`}
        breadcrumbs={[
          { label: t('catalogue.navGroup') },
          { label: m('title'), to: '/catalogue/assets' },
          { label: a.serial },
        ]}
        description={m(`kind.${a.kind}`)}
        actions={
          <Group gap="xs">
            {actionButton('issue', <IconSend size={16} aria-hidden />)}
            {actionButton('return', <IconArrowBackUp size={16} aria-hidden />)}
            {actionButton('scrap', <IconTrash size={16} aria-hidden />)}
            <RecordActions
              archived={!!a.archivedAt}
              can={a.can}
              onEdit={() => setEditing(true)}
              restore={restore}
              items={[]}
              history={{ entity: 'catalogueAsset', entityId: a.id }}
              onArchive={() => setArchiving(true)}
            />
          </Group>
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void reload()}
        archived={
          a.archivedAt
            ? { title: m('archivedTitle', { date: f.date(a.archivedAt) }), reason: a.archiveReason }
            : null
        }
      />
      <Stack gap="md">
        <Section id="asset-details" title={m('details')}>
          <DetailList
            items={[
              { label: field('state'), value: <AssetStateBadge state={a.state} /> },
              { label: field('serial'), value: a.serial },
              { label: field('model'), value: a.model },
              {
                label: field('offering'),
                value: (
                  <RouterAnchor to="/catalogue/offerings/$offeringId" params={{ offeringId: a.offering.id }}>
                    {a.offering.name}
                  </RouterAnchor>
                ),
              },
              { label: field('monthlyRent'), value: a.monthlyRent === null ? null : f.sek(a.monthlyRent) },
              { label: field('unit'), value: a.unit?.name ?? null },
              { label: field('person'), value: a.person?.name ?? null },
              { label: field('issuedOn'), value: a.issuedOn ? f.date(a.issuedOn) : null },
              { label: field('returnedOn'), value: a.returnedOn ? f.date(a.returnedOn) : null },
              ...(a.scrappedOn
                ? [
                    { label: field('scrappedOn'), value: f.date(a.scrappedOn) },
                    { label: field('scrapReason'), value: a.scrapReason },
                  ]
                : []),
            ]}
          />
        </Section>
        <Section id="asset-economy" title={m('economy')}>
          <DetailList
            items={[
              { label: field('purchaseValue'), value: f.sek(a.purchaseValue) },
              { label: field('purchasedOn'), value: f.date(a.purchasedOn) },
              { label: field('depreciationMonths'), value: m('months', { count: a.depreciationMonths }) },
              { label: field('bookValue'), value: f.sek(a.bookValue) },
              { label: field('replacementDueOn'), value: f.date(a.replacementDueOn) },
            ]}
          />
          {a.note && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {a.note}
            </Text>
          )}
        </Section>
        <Section id="asset-history" title={m('history')}>
          <DataTable
            caption={m('historyCaption', { name: a.serial })}
            colSpan={4}
            minWidth={600}
            empty={a.assignments.length === 0}
            emptyText={m('noHistory')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{field('unit')}</Table.Th>
                <Table.Th scope="col">{field('person')}</Table.Th>
                <Table.Th scope="col">{field('fromOn')}</Table.Th>
                <Table.Th scope="col">{field('toOn')}</Table.Th>
              </Table.Tr>
            }
          >
            {a.assignments.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{h.unit.name}</Table.Td>
                <Table.Td>{h.person?.name ?? <EmptyValue />}</Table.Td>
                <Table.Td>{f.date(h.fromOn)}</Table.Td>
                <Table.Td>{h.toOn ? f.date(h.toOn) : m('ongoing')}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Section>
      </Stack>
      <AssetFormModal opened={editing} onClose={() => setEditing(false)} asset={a} onReload={reload} />
      <AssetActionDialog action={action} asset={a} onClose={() => setAction(null)} onReload={reload} />
      <ArchiveDialog
        opened={archiving}
        onClose={() => setArchiving(false)}
        title={m('archiveTitle')}
        help={m('archiveHelp')}
        path={`/api/v1/catalogue/assets/${a.id}`}
        version={a.version}
        onReload={reload}
        invalidate={invalidate}
      />
    </>
  );
}
