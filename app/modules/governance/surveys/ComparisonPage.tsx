import { Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Comparison, SurveyRoundSummary } from '../../../../shared/governance/surveys.ts';
import { api, type Page, query } from '../../../platform/api.ts';
import { BarChart, LineChart } from '../../../platform/charts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { Loading } from '../../../platform/Loading.tsx';
import { ExportMenu } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { isNotFound, RecordFallback } from '../../../platform/record-actions.tsx';
import { surveyKeys, useComparison, useSurveyTemplate } from './api.ts';
import type { ComparisonSearch } from './search.ts';

// History and comparison: a forum's rounds of a template year by year. A line per section (its
// mean of the scale answers), then per section a bar chart of its questions with a bar per year
// (the latest four years; the table has them all) and the table of every answer and comment.
// The forum is one that has answered the template, chosen in the URL (`?forum=`).

/** Colours of at least 3:1 against white, one per year; the charts add a pattern each. */
const COLORS = ['#1864ab', '#c2255c', '#2b8a3e', '#5f3dc4', '#9c3d00', '#495057'];

function AnswerCell({ q, i }: { q: Comparison['sections'][number]['questions'][number]; i: number }) {
  const { t } = useTranslation();
  const a = q.answers[i];
  if (a === undefined || a === null) return <EmptyValue />;
  const said =
    q.kind === 'scale'
      ? a.value === null
        ? null
        : `${a.value} ${q.scale?.find((s) => s.value === a.value)?.label ?? ''}`.trim()
      : q.kind === 'yesNo'
        ? a.value === null
          ? null
          : a.value === 1
            ? t('common.yes')
            : t('common.no')
        : a.text;
  return (
    <Stack gap={2}>
      {said ? <Text size="sm">{said}</Text> : <EmptyValue />}
      {a.comment && (
        <Text size="xs" c="dimmed">
          {a.comment}
        </Text>
      )}
    </Stack>
  );
}

export function ComparisonPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { templateId } = useParams({ from: '/_app/governance/surveys/$templateId/comparison' });
  const search = useSearch({ from: '/_app/governance/surveys/$templateId/comparison' }) as ComparisonSearch;
  const navigate = useNavigate({ from: '/governance/surveys/$templateId/comparison' });
  const template = useSurveyTemplate(templateId);
  const rounds = useQuery({
    queryKey: [...surveyKeys.roundList, 'forums', templateId],
    queryFn: ({ signal }) =>
      api.get<Page<SurveyRoundSummary>>(`/api/v1/surveys/rounds${query({ templateId, limit: 200 })}`, {
        signal,
      }),
  });
  const forums = [...new Map((rounds.data?.items ?? []).map((r) => [r.forum.id, r.forum.name]))];
  const forumId = search.forum ?? forums[0]?.[0];
  const comparison = useComparison(templateId, forumId);
  if (!template.data || isNotFound(template.error)) return <RecordFallback error={template.error} />;
  const c = comparison.data;
  const years = c?.years.map((y) => String(y.year)) ?? [];
  const recent = c ? c.years.slice(-4) : [];
  const offset = years.length - recent.length;
  const title = t('governance.surveys.comparison.title');

  return (
    <>
      <PageHeader
        title={title}
        description={t('governance.surveys.comparison.description', { template: template.data.title })}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.surveys.title'), to: '/governance/surveys' },
          { label: template.data.title, to: '/governance/surveys/$templateId', params: { templateId } },
          { label: title },
        ]}
        actions={
          forumId ? (
            <ExportMenu path={`/api/v1/surveys/${templateId}/comparison/export`} params={{ forumId }} />
          ) : undefined
        }
      />
      <Stack gap="md">
        <Select
          label={t('governance.surveys.comparison.forum')}
          placeholder={t('governance.surveys.comparison.chooseForum')}
          data={forums.map(([id, name]) => ({ value: id, label: name }))}
          value={forumId ?? null}
          onChange={(v) => void navigate({ search: { forum: v ?? undefined }, replace: true })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={320}
        />
        {rounds.isPending || (forumId && comparison.isPending) ? (
          <Loading />
        ) : !c || c.years.length === 0 ? (
          <Text size="sm">{t('governance.surveys.comparison.none')}</Text>
        ) : (
          <>
            <Section id="comparison-sections" title={t('governance.surveys.comparison.sectionChart')}>
              <LineChart
                title={t('governance.surveys.comparison.sectionChart')}
                summary={t('governance.surveys.comparison.sectionSummary', {
                  from: years[0],
                  to: years[years.length - 1],
                })}
                labels={years}
                // A section with no scale answer in any year (free text only) has no line.
                series={c.sections
                  .filter((s) => s.means.some((m) => m !== null))
                  .map((s, i) => ({
                    label: s.title,
                    color: COLORS[i % COLORS.length]!,
                    values: s.means.map((m) => m ?? 0),
                  }))}
                tableLabel={t('governance.surveys.comparison.showTable')}
                periodLabel={t('governance.surveys.comparison.yearColumn')}
                valueLabel={t('governance.surveys.comparison.valueAxis')}
                format={f.number}
              />
            </Section>
            {c.sections.map((section, si) => {
              const scaled = section.questions.filter((q) => q.kind === 'scale');
              const first = c.sections.slice(0, si).reduce((n, s) => n + s.questions.length, 0);
              const number = (q: { id: string }) =>
                first + section.questions.findIndex((x) => x.id === q.id) + 1;
              return (
                <Section key={section.id} id={`comparison-${section.id}`} title={section.title}>
                  <SimpleGrid cols={1} spacing="md">
                    {scaled.length > 0 && (
                      <BarChart
                        title={t('governance.surveys.comparison.questionChart', { section: section.title })}
                        summary={t('governance.surveys.comparison.questionSummary')}
                        labels={scaled.map((q) => String(number(q)))}
                        series={recent.map((y, i) => ({
                          label: String(y.year),
                          color: COLORS[i % COLORS.length]!,
                          values: scaled.map((q) => q.answers[offset + i]?.value ?? 0),
                        }))}
                        tableLabel={t('governance.surveys.comparison.showTable')}
                        periodLabel={t('governance.surveys.comparison.questionColumn')}
                        valueLabel={t('governance.surveys.comparison.valueAxis')}
                        format={(v) => String(v)}
                      />
                    )}
                    <Table.ScrollContainer minWidth={640}>
                      <Table striped withTableBorder>
                        <Table.Caption>
                          {t('governance.surveys.comparison.tableCaption', { section: section.title })}
                        </Table.Caption>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th scope="col">
                              {t('governance.surveys.comparison.questionColumn')}
                            </Table.Th>
                            {years.map((y) => (
                              <Table.Th scope="col" key={y}>
                                {y}
                              </Table.Th>
                            ))}
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          <Table.Tr>
                            <Table.Th scope="row">{t('governance.surveys.comparison.mean')}</Table.Th>
                            {section.means.map((m, i) => (
                              <Table.Td key={years[i]}>{m === null ? <EmptyValue /> : f.number(m)}</Table.Td>
                            ))}
                          </Table.Tr>
                          {section.questions.map((q) => (
                            <Table.Tr key={q.id}>
                              <Table.Th scope="row" fw={400}>
                                {number(q)}. {q.text}
                              </Table.Th>
                              {years.map((y, i) => (
                                <Table.Td key={y}>
                                  <AnswerCell q={q} i={i} />
                                </Table.Td>
                              ))}
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  </SimpleGrid>
                </Section>
              );
            })}
          </>
        )}
      </Stack>
    </>
  );
}
