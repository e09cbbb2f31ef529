import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../platform/format.ts';
import { RouterButton } from '../../../platform/links.tsx';
import { usePageTitle } from '../../../platform/page.tsx';
import { isNotFound, RecordFallback } from '../../../platform/record-actions.tsx';
import { useInformationPlan } from './api.ts';

// The informationshanteringsplan of one process as a document to print: the decision that adopted
// it, the process's place in the structure and every record type in one table. Print styles hide
// the app's frame and the buttons, repeat the table head on every page and keep rows whole.

const printCss = `
@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, .styrbord-no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; margin: 0 !important; }
  .styrbord-plan { font-size: 10pt; color: #000; }
  .styrbord-plan table { border-collapse: collapse; width: 100%; }
  .styrbord-plan th, .styrbord-plan td { border: 1px solid #555; padding: 3pt 4pt; vertical-align: top; }
  .styrbord-plan thead { display: table-header-group; }
  .styrbord-plan tr { break-inside: avoid; }
  @page { size: A4 landscape; margin: 14mm; }
}`;

export function PlanPrintPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { processId } = useParams({ from: '/_app/processes/$processId/plan' });
  const query = useInformationPlan(processId);
  const view = query.data;
  usePageTitle(view ? t('registry.records.plan.printTitle', { name: view.process.name }) : undefined);
  if (!view || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const { plan, process } = view;
  const field = (name: string) => t(`registry.records.field.${name}`);
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  return (
    <div className="styrbord-plan">
      <style>{printCss}</style>
      <Group justify="space-between" className="styrbord-no-print" mb="md">
        <RouterButton
          to="/processes/$processId"
          params={{ processId }}
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
        >
          {t('registry.records.plan.back')}
        </RouterButton>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          {t('registry.records.plan.printNow')}
        </Button>
      </Group>
      <Stack gap={4} mb="md">
        <Title order={1}>
          {t('registry.records.plan.printTitle', { name: `${process.code} ${process.name}` })}
        </Title>
        <Text size="sm">
          {t('registry.records.plan.path')}: {view.path.map((p) => `${p.code} ${p.name}`).join(' › ')}
        </Text>
        <Text size="sm" fw={600}>
          {plan?.status === 'adopted'
            ? t('registry.records.plan.adoptedBy', {
                body: plan.body,
                date: f.date(plan.adoptedOn),
                paragraph: plan.paragraph,
              })
            : t('registry.records.plan.draftOf')}
          {plan?.registrationNumber ? ` (${plan.registrationNumber})` : ''}
        </Text>
        {process.description && <Text size="sm">{process.description}</Text>}
        {plan?.note && <Text size="sm">{plan.note}</Text>}
      </Stack>
      <Table withTableBorder withColumnBorders verticalSpacing={6} horizontalSpacing={6} fz="sm">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
          {t('registry.records.recordTypesCaption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{field('name')}</Table.Th>
            <Table.Th scope="col">{field('format')}</Table.Th>
            <Table.Th scope="col">{field('retention')}</Table.Th>
            <Table.Th scope="col">{field('retentionBasis')}</Table.Th>
            <Table.Th scope="col">{field('registration')}</Table.Th>
            <Table.Th scope="col">{field('systemId')}</Table.Th>
            <Table.Th scope="col">{field('eArchive')}</Table.Th>
            <Table.Th scope="col">{field('secret')}</Table.Th>
            <Table.Th scope="col">{field('personalData')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.recordTypes.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.name}
                </Text>
                {r.description && <Text size="xs">{r.description}</Text>}
              </Table.Td>
              <Table.Td>
                {t(`registry.records.format.${r.format}`)}
                {r.fileFormats ? ` (${r.fileFormats})` : ''}
              </Table.Td>
              <Table.Td>
                {t(`registry.records.retention.${r.retention}`)}
                {r.retention === 'dispose' &&
                  `: ${r.retentionPeriod ?? (r.retentionMonths !== null ? t('registry.records.months', { count: r.retentionMonths }) : '')}`}
              </Table.Td>
              <Table.Td>
                {r.retentionBasis ?? (r.retention === 'dispose' ? t('registry.records.noDecision') : '')}
              </Table.Td>
              <Table.Td>{t(`registry.records.registration.${r.registration}`)}</Table.Td>
              <Table.Td>{r.systemName ?? ''}</Table.Td>
              <Table.Td>
                {yesNo(r.eArchive)}
                {r.eArchiveWhen ? `: ${r.eArchiveWhen}` : ''}
              </Table.Td>
              <Table.Td>{r.secret ? (r.secrecyProvision ?? t('common.yes')) : t('common.no')}</Table.Td>
              <Table.Td>{yesNo(r.personalData)}</Table.Td>
            </Table.Tr>
          ))}
          {view.recordTypes.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={9}>{t('registry.records.noRecordTypes')}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
