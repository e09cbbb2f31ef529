import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Specification } from '../../../../shared/catalogue/exports.ts';
import { api, query } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { EmptyValue, Section, usePageTitle } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import '../../../platform/print.css';
import { runKeys } from './RunsPage.tsx';

// A unit's specification for one month, for its ekonom: every line of the unit and of the units
// under it with kontering, the sums per kontering, and the total, as a page that prints as it
// reads (print.css leaves out the app's frame and the controls), with the same as XLSX. A preview
// says it is preliminary: the month may still be computed again.

const kontering = (k: Specification['byKontering'][number] | Specification['lines'][number]['kontering']) =>
  [k.costCentre, k.account, k.activity, k.counterpart].map((c) => c ?? '–').join(' · ');

export function SpecificationPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const { runId } = useParams({ from: '/_app/catalogue/runs/$runId/specification' });
  const { unitId } = useSearch({ from: '/_app/catalogue/runs/$runId/specification' });
  const spec = useQuery({
    queryKey: [...runKeys.run(runId), 'specification', unitId],
    queryFn: ({ signal }) =>
      api.get<Specification>(`/api/v1/catalogue/runs/${runId}/specification${query({ unitId })}`, { signal }),
    enabled: unitId !== undefined,
  });
  const s = spec.data;
  const title = s ? m('specificationTitle', { unit: s.unit.name, period: s.run.period }) : m('specification');
  usePageTitle(title);
  const quantity = (q: string) => f.number(Number(q));
  return (
    <Stack className="styrbord-report">
      <Group justify="space-between" className="styrbord-no-print">
        <RouterAnchor to="/catalogue/runs/$runId" params={{ runId }} search={{ unitId }}>
          {m('backToRun')}
        </RouterAnchor>
        {s && (
          <Group>
            <Button
              component="a"
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              href={`/api/v1/catalogue/runs/${runId}/specification/export${query({ unitId, format: 'xlsx' })}`}
              download
            >
              {t('common.exportXlsx')}
            </Button>
            <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
              {m('print')}
            </Button>
          </Group>
        )}
      </Group>
      <ProblemAlert error={spec.error} />
      {!unitId && <Alert color="yellow">{m('specificationNoUnit')}</Alert>}
      {s && (
        <>
          <div>
            <Title order={1}>{title}</Title>
            <Text c="dimmed">
              {[s.tenantName, s.unit.costCentre ? m('costCentreIs', { code: s.unit.costCentre }) : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
          {s.run.state === 'preview' ? (
            <Alert color="yellow" title={m('preliminary')}>
              {m('preliminaryHelp')}
            </Alert>
          ) : (
            <Text size="sm">{m('lockedOn', { at: s.run.lockedAt ? f.dateTime(s.run.lockedAt) : '' })}</Text>
          )}
          <Section title={m('specificationLines')} id="spec-lines">
            <DataTable
              caption={m('specificationLines')}
              colSpan={6}
              minWidth={900}
              empty={s.lines.length === 0}
              emptyText={m('noLines')}
              head={
                <Table.Tr>
                  <Table.Th scope="col">{m('unit')}</Table.Th>
                  <Table.Th scope="col">{m('lineDescription')}</Table.Th>
                  <Table.Th scope="col">{m('source')}</Table.Th>
                  <Table.Th scope="col">{m('quantity')}</Table.Th>
                  <Table.Th scope="col">{m('amount')}</Table.Th>
                  <Table.Th scope="col">{m('kontering')}</Table.Th>
                </Table.Tr>
              }
            >
              {s.lines.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.unit.name}</Table.Td>
                  <Table.Th scope="row" fw={500}>
                    {l.description}
                    {l.disputed && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({m('disputed')})
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{m(`sources.${l.source}`)}</Table.Td>
                  <Table.Td>{`${quantity(l.quantity)} × ${f.sek(l.unitPrice)}`}</Table.Td>
                  <Table.Td>{f.sek(l.amount)}</Table.Td>
                  <Table.Td>{kontering(l.kontering)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Section>
          <Section title={m('byKontering')} id="spec-kontering">
            <DataTable
              caption={m('byKontering')}
              colSpan={2}
              minWidth={500}
              empty={s.byKontering.length === 0}
              emptyText={m('noLines')}
              head={
                <Table.Tr>
                  <Table.Th scope="col">{m('konteringColumns')}</Table.Th>
                  <Table.Th scope="col">{m('amount')}</Table.Th>
                </Table.Tr>
              }
            >
              {s.byKontering.map((k) => (
                <Table.Tr key={kontering(k)}>
                  <Table.Th scope="row" fw={500}>
                    {kontering(k)}
                  </Table.Th>
                  <Table.Td>{f.sek(k.amount)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{m('total')}</Table.Th>
                <Table.Td fw={700}>{f.sek(s.total)}</Table.Td>
              </Table.Tr>
            </DataTable>
          </Section>
          {s.lines.some((l) => !l.kontering.account) && (
            <Text size="sm" c="dimmed">
              {m('noAccountHelp')}
            </Text>
          )}
        </>
      )}
      {s === undefined && !spec.error && unitId && <EmptyValue />}
    </Stack>
  );
}
