import { Grid, List, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { PersonLink } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { SystemLink } from '../systems/parts.tsx';
import { useContract } from './api.ts';
import { ContractFormModal, useContractInvalidate } from './ContractForms.tsx';
import { DpaBadge, SupplierLink, todayInStockholm } from './parts.tsx';

// One contract: what it is and with whom, its term, notice and extensions, the systems it covers,
// the data processing agreement, and when its owner will be reminded.

export function ContractPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { contractId } = useParams({ from: '/_app/contracts/$contractId' });
  const query = useContract(contractId);
  const [dialog, setDialog] = useState<null | 'edit' | 'archive'>(null);
  const invalidate = useContractInvalidate();
  const restore = useRestore(`/api/v1/contracts/${contractId}`, query.data?.version ?? 0, invalidate);
  const contract = query.data;
  if (!contract || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const m = (key: string, options?: Record<string, unknown>) =>
    t(`registry.contracts.contracts.${key}`, options);
  const field = (name: string) => m(`field.${name}`);
  const today = todayInStockholm();
  const noticePassed = contract.noticeDeadline !== null && contract.noticeDeadline < today;
  const reminders = [
    contract.noticeDeadline && contract.noticeDeadline >= today
      ? m('reminderNotice', { count: contract.noticeReminderDays, date: f.date(contract.noticeDeadline) })
      : null,
    contract.endsOn && contract.endsOn >= today
      ? m('reminderEnd', { count: contract.endReminderDays, date: f.date(contract.endsOn) })
      : null,
  ].filter((r): r is string => r !== null);

  return (
    <>
      <PageHeader
        title={contract.title}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: m('title'), to: '/contracts' },
          { label: contract.title },
        ]}
        badges={<DpaBadge status={contract.dpaStatus} />}
        actions={
          <RecordActions
            archived={!!contract.archivedAt}
            can={contract.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[]}
            history={{ entity: 'contract', entityId: contract.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          contract.archivedAt
            ? {
                title: m('archivedTitle', { date: f.date(contract.archivedAt) }),
                reason: contract.archiveReason,
              }
            : null
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section id="contract-details" title={m('details')}>
              <DetailList
                items={[
                  {
                    label: field('supplier'),
                    value: <SupplierLink id={contract.supplierId} name={contract.supplierName} />,
                  },
                  { label: field('contractNumber'), value: contract.contractNumber },
                  {
                    label: field('annualValue'),
                    value: contract.annualValue !== null ? f.sek(contract.annualValue) : null,
                  },
                  { label: field('procurementReference'), value: contract.procurementReference },
                  {
                    label: field('owner'),
                    value: contract.ownerId ? <PersonLink id={contract.ownerId} /> : null,
                  },
                  { label: field('notes'), value: contract.notes },
                ]}
              />
            </Section>
            <Section id="contract-period" title={m('period')}>
              <DetailList
                items={[
                  { label: field('startsOn'), value: f.date(contract.startsOn) },
                  {
                    label: field('endsOn'),
                    value: contract.endsOn ? f.date(contract.endsOn) : m('untilFurtherNotice'),
                  },
                  {
                    label: field('noticeMonths'),
                    value:
                      contract.noticeMonths !== null ? m('months', { count: contract.noticeMonths }) : null,
                  },
                  {
                    label: field('noticeDeadline'),
                    value: contract.noticeDeadline ? (
                      <Text span size="sm" c={noticePassed ? 'red.8' : undefined}>
                        {f.date(contract.noticeDeadline)}
                        {noticePassed && ` (${m('noticePassed')})`}
                      </Text>
                    ) : null,
                  },
                ]}
              />
            </Section>
            <Section id="contract-extension" title={m('extension')}>
              <DetailList
                items={[
                  {
                    label: field('extensions'),
                    value: contract.extensionCount
                      ? m('extensionText', {
                          count: contract.extensionCount,
                          months: contract.extensionMonths ?? '?',
                        })
                      : null,
                  },
                  {
                    label: field('extendableUntil'),
                    value: contract.extendableUntil ? f.date(contract.extendableUntil) : null,
                  },
                  { label: field('extensionTerms'), value: contract.extensionTerms },
                ]}
              />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section id="contract-systems" title={m('systems')}>
              {contract.systemIds.length === 0 ? (
                <Text size="sm">{m('noSystems')}</Text>
              ) : (
                <List spacing={4}>
                  {contract.systemIds.map((id) => (
                    <List.Item key={id}>
                      <SystemLink id={id} />
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
            <Section id="contract-dpa" title={m('dpa')}>
              <DetailList
                items={[
                  { label: field('dpaStatus'), value: <DpaBadge status={contract.dpaStatus} /> },
                  {
                    label: field('dpaSignedOn'),
                    value: contract.dpaSignedOn ? f.date(contract.dpaSignedOn) : null,
                  },
                  { label: field('dpaReference'), value: contract.dpaReference },
                ]}
              />
            </Section>
            <Section id="contract-reminders" title={m('reminders')}>
              {!contract.ownerId ? (
                <Text size="sm">{m('noOwner')}</Text>
              ) : reminders.length === 0 ? (
                <Text size="sm">{m('noReminders')}</Text>
              ) : (
                <List spacing={4}>
                  {reminders.map((r) => (
                    <List.Item key={r}>
                      <Text size="sm">{r}</Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {contract.can.update && (
        <ContractFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          contract={contract}
          onReload={() => query.refetch()}
        />
      )}
      {contract.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={m('archiveTitle', { name: contract.title })}
          help={m('archiveHelp')}
          path={`/api/v1/contracts/${contract.id}`}
          version={contract.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}
