import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconBan, IconCoin, IconFilePlus } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RecordRefLink, RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { useProcurement, useProcurementInvalidate } from './api.ts';
import { ContractDialog } from './ContractDialog.tsx';
import { ProcurementFormModal } from './ProcurementForm.tsx';
import { ProcurementStatusBadge } from './parts.tsx';
import { StatusDialog } from './StatusDialog.tsx';

// One procurement: how it is procured and for how much, where it stands and may go next, the
// dates of its steps, who answers, the systems, the contract it replaces and the one it resulted
// in (or, when awarded without one, makes it in the register: ContractDialog); a cancelled one
// says why, when and what it cost.

export function ProcurementPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { procurementId } = useParams({ from: '/_app/portfolio/procurements/$procurementId' });
  const query = useProcurement(procurementId);
  const invalidate = useProcurementInvalidate();
  const restore = useRestore(`/api/v1/procurements/${procurementId}`, query.data?.version ?? 0, invalidate);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [status, setStatus] = useState<'change' | 'cancel' | null>(null);
  const [contracting, setContracting] = useState(false);
  const p = query.data;
  if (!p || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.procurements.${key}`, o);
  const field = (name: string) => m(`field.${name}`);
  const contract = (c: { id: string; name: string } | null) =>
    c ? (
      <RouterAnchor to="/contracts/$contractId" params={{ contractId: c.id }} size="sm">
        {c.name}
      </RouterAnchor>
    ) : null;
  const open = p.nextStatuses.length > 0;
  const reload = () => query.refetch();
  return (
    <>
      <PageHeader
        title={p.title}
        breadcrumbs={[
          { label: t('portfolio.navGroup') },
          { label: m('title'), to: '/portfolio/procurements' },
          { label: p.title },
        ]}
        description={m(`procedure.${p.procedure}`)}
        actions={
          <RecordActions
            archived={!!p.archivedAt}
            can={p.can}
            onEdit={() => setEditing(true)}
            restore={restore}
            items={[
              {
                icon: <IconArrowRight size={16} aria-hidden />,
                label: m('changeStatus'),
                onClick: () => setStatus('change'),
                allowed: p.can.update && open,
              },
              {
                icon: <IconBan size={16} aria-hidden />,
                label: m('cancelAction'),
                onClick: () => setStatus('cancel'),
                allowed: p.can.update && p.nextStatuses.includes('cancelled'),
              },
              {
                icon: <IconCoin size={16} aria-hidden />,
                label: m('correctCancelTitle'),
                onClick: () => setStatus('change'),
                allowed: p.can.update && p.status === 'cancelled',
              },
            ]}
            history={{ entity: 'procurement', entityId: p.id }}
            onArchive={() => setArchiving(true)}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void reload()}
        archived={
          p.archivedAt
            ? { title: m('archivedTitle', { date: f.date(p.archivedAt) }), reason: p.archiveReason }
            : null
        }
      />
      <Stack gap="md">
        {p.status === 'cancelled' && (
          <Alert color="red" variant="light" title={m('cancelledTitle', { date: f.date(p.cancelledOn) })}>
            <Stack gap={4}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {p.cancelReason}
              </Text>
              <Text size="sm">
                {field('cancelCost')}: {p.cancelCost !== null ? f.sek(p.cancelCost) : m('notStated')} ·{' '}
                {field('cancelHours')}: {p.cancelHours !== null ? f.number(p.cancelHours) : m('notStated')}
              </Text>
            </Stack>
          </Alert>
        )}
        <Section id="procurement-details" title={m('details')}>
          <DetailList
            items={[
              {
                label: field('status'),
                value: (
                  <Group gap="xs">
                    <ProcurementStatusBadge status={p.status} />
                  </Group>
                ),
              },
              { label: field('procedure'), value: m(`procedure.${p.procedure}`) },
              ...(p.procedure === 'renewedCompetition'
                ? [
                    {
                      label: field('frameworkReference'),
                      value: p.frameworkReference ?? contract(p.frameworkContract),
                    },
                  ]
                : []),
              {
                label: field('estimatedValue'),
                value: p.estimatedValue !== null ? f.sek(p.estimatedValue) : null,
              },
              { label: field('responsible'), value: p.responsible?.name },
              { label: field('unit'), value: p.unit?.name },
              { label: field('replacesContract'), value: contract(p.replacesContract) },
              {
                label: field('contract'),
                value:
                  contract(p.contract) ??
                  (p.can.createContract ? (
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconFilePlus size={16} aria-hidden />}
                      onClick={() => setContracting(true)}
                    >
                      {m('createContract')}
                    </Button>
                  ) : null),
              },
              {
                label: field('systems'),
                value: p.systems.length
                  ? p.systems.map((s, i) => (
                      <span key={s.id}>
                        {i > 0 && ', '}
                        <RecordRefLink name={s.name} href={`/systems/${s.id}`} />
                      </span>
                    ))
                  : null,
              },
              {
                label: m('nextSteps'),
                value: open ? p.nextStatuses.map((s) => m(`status.${s}`)).join(', ') : m('final'),
              },
            ]}
          />
          {p.description && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {p.description}
            </Text>
          )}
        </Section>
        <Section id="procurement-dates" title={m('dates')}>
          <DetailList
            items={(
              ['plannedStartOn', 'advertisedOn', 'tenderDeadlineOn', 'awardedOn', 'contractStartsOn'] as const
            ).map((k) => ({ label: field(k), value: p[k] ? f.date(p[k]) : null }))}
          />
        </Section>
      </Stack>
      {p.can.update && (
        <>
          <ProcurementFormModal
            opened={editing}
            onClose={() => setEditing(false)}
            procurement={p}
            onReload={reload}
          />
          <StatusDialog
            opened={status !== null}
            onClose={() => setStatus(null)}
            procurement={p}
            onReload={reload}
            cancel={status === 'cancel'}
          />
        </>
      )}
      {p.can.createContract && (
        <ContractDialog
          opened={contracting}
          onClose={() => setContracting(false)}
          procurement={p}
          onReload={reload}
        />
      )}
      {p.can.archive && (
        <ArchiveDialog
          opened={archiving}
          onClose={() => setArchiving(false)}
          title={m('archiveTitle', { name: p.title })}
          help={m('archiveHelp')}
          path={`/api/v1/procurements/${p.id}`}
          version={p.version}
          onReload={reload}
          invalidate={invalidate}
        />
      )}
    </>
  );
}
