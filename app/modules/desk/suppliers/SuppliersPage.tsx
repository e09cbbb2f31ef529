import { Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SupplierReport } from '../../../../shared/desk/suppliers.ts';
import { ApiError, api, query } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { ExportMenu } from '../../../platform/list-page.tsx';
import { ForbiddenPage } from '../../../platform/NotFoundPage.tsx';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { PeriodPicker, presetPeriod, useNumbers } from '../metrics/parts.tsx';
import type { SuppliersSearch } from './search.ts';

// The follow-up of underpinning contracts (seed 000): per supplier and contract, the tickets
// handed to the supplier measured against the contract's levels, for a period in the URL. The
// levels themselves are edited as a service level of the kind underpinning (its page is linked).

export function SuppliersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const x = useNumbers();
  const search = useSearch({ from: '/_app/desk/suppliers' }) as SuppliersSearch;
  const navigate = useNavigate();
  const fallback = presetPeriod('last12');
  const params = { from: search.from ?? fallback.from, to: search.to ?? fallback.to };
  const report = useQuery({
    queryKey: ['desk', 'suppliers', 'report', params],
    queryFn: ({ signal }) =>
      api.get<SupplierReport>(`/api/v1/desk/suppliers/report${query(params)}`, { signal }),
    placeholderData: (previous) => previous,
  });
  if (report.error instanceof ApiError && report.error.status === 403) return <ForbiddenPage />;
  const data = report.data;
  const caption = data
    ? t('desk.suppliers.tableCaption', { from: f.date(data.from), to: f.date(data.to) })
    : t('desk.suppliers.table');
  const columns = [
    'tickets',
    'spells',
    'open',
    'response',
    'responseMedian',
    'responseMean',
    'resolution',
    'resolutionMedian',
    'resolutionMean',
    'breaches',
  ] as const;
  const share = (c: { share: number | null; measured: number }) =>
    c.measured === 0 ? '–' : t('desk.suppliers.measured', { share: x.share(c.share), count: c.measured });
  return (
    <>
      <PageHeader
        title={t('desk.suppliers.title')}
        description={t('desk.suppliers.description')}
        breadcrumbs={[{ label: t('desk.navGroup') }, { label: t('desk.suppliers.nav') }]}
        actions={<ExportMenu path="/api/v1/desk/suppliers/report/export" params={params} />}
      />
      <Stack gap="md">
        <Section id="suppliers-period" title={t('desk.suppliers.period')}>
          <PeriodPicker
            from={params.from}
            to={params.to}
            onChange={(period) =>
              void navigate({ to: '/desk/suppliers', search: () => period, replace: true })
            }
          />
          <Text size="sm" mt="sm">
            {t('desk.suppliers.levelsHint')}{' '}
            <RouterAnchor to="/desk/service-levels" underline="always">
              {t('desk.suppliers.levels')}
            </RouterAnchor>
          </Text>
        </Section>
        <ProblemAlert error={report.error} />
        {data && (
          <Section id="suppliers-table" title={t('desk.suppliers.table')}>
            <Table.ScrollContainer
              minWidth={1100}
              type="native"
              tabIndex={0}
              role="region"
              aria-label={caption}
            >
              <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="sm">
                <Table.Caption style={{ captionSide: 'top', textAlign: 'start', marginTop: 0 }}>
                  <VisuallyHidden>{caption}</VisuallyHidden>
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('desk.suppliers.supplier')}</Table.Th>
                    <Table.Th scope="col">{t('desk.suppliers.contract')}</Table.Th>
                    <Table.Th scope="col">{t('desk.suppliers.level')}</Table.Th>
                    {columns.map((c) => (
                      <Table.Th key={c} scope="col" ta="right">
                        {t(`desk.suppliers.${c}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((row) => (
                    <Table.Tr key={`${row.supplier.id}:${row.contract?.id ?? 'none'}`}>
                      <Table.Th scope="row" fw={500}>
                        {row.supplier.name}
                      </Table.Th>
                      <Table.Td>
                        {row.contract ? (
                          <RouterAnchor to="/contracts/$contractId" params={{ contractId: row.contract.id }}>
                            {row.contract.title}
                            {row.contract.contractNumber ? ` (${row.contract.contractNumber})` : ''}
                          </RouterAnchor>
                        ) : (
                          <Text span size="sm" c="dimmed">
                            {t('desk.suppliers.noContract')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {row.serviceLevel ? (
                          <RouterAnchor
                            to="/desk/service-levels/$levelId"
                            params={{ levelId: row.serviceLevel.id }}
                          >
                            {row.serviceLevel.name}
                          </RouterAnchor>
                        ) : (
                          '–'
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{x.count(row.tickets)}</Table.Td>
                      <Table.Td ta="right">{x.count(row.spells)}</Table.Td>
                      <Table.Td ta="right">{x.count(row.open)}</Table.Td>
                      <Table.Td ta="right">{share(row.response)}</Table.Td>
                      <Table.Td ta="right">{x.minutes(row.response.minutes.median)}</Table.Td>
                      <Table.Td ta="right">{x.minutes(row.response.minutes.mean)}</Table.Td>
                      <Table.Td ta="right">{share(row.resolution)}</Table.Td>
                      <Table.Td ta="right">{x.minutes(row.resolution.minutes.median)}</Table.Td>
                      <Table.Td ta="right">{x.minutes(row.resolution.minutes.mean)}</Table.Td>
                      <Table.Td ta="right">{x.count(row.breaches)}</Table.Td>
                    </Table.Tr>
                  ))}
                  {data.rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={13}>
                        <Text c="dimmed" ta="center" py="md" size="sm">
                          {t('common.nothingFound')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm" mt="sm">
              {t('desk.suppliers.counting')}
            </Text>
          </Section>
        )}
      </Stack>
    </>
  );
}
