import { Button, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectGoal } from '../../../../shared/portfolio/benefits.ts';
import type { PortfolioSummary } from '../../../../shared/portfolio/summary.ts';
import { api } from '../../../platform/api.ts';
import { BarChart } from '../../../platform/charts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import { useEffectGoals } from './api.ts';
import { FollowUpDialog } from './GoalDialogs.tsx';
import { FollowUpState, useValueText } from './parts.tsx';

// The portfolio's benefit (nyttorealisering): promised against realised benefit in money and
// hours (the summary's figures, as numbers and as bars), the follow-ups due within 14 days or
// overdue, and every active effect goal with what it promised and what it has realised.

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

export function BenefitsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const tb = (key: string, o?: Record<string, unknown>) => t(`portfolio.benefits.${key}`, o ?? {});
  const summary = useQuery({
    queryKey: ['portfolio', 'summary'],
    queryFn: ({ signal }) => api.get<PortfolioSummary>('/api/v1/portfolio/summary', { signal }),
  });
  const due = useEffectGoals({ dueBy: inDays(14) });
  const all = useEffectGoals({});
  const [following, setFollowing] = useState<EffectGoal | null>(null);
  const value = useValueText();
  const b = summary.data?.benefits;
  const labels = [tb('decided'), tb('promisedGoals'), tb('promisedFollowedUp'), tb('realised')];
  return (
    <>
      <PageHeader
        title={tb('pageTitle')}
        description={tb('pageDescription')}
        breadcrumbs={[{ label: t('portfolio.navGroup') }, { label: tb('pageTitle') }]}
      />
      <Stack gap="md">
        {b && (
          <Section id="benefit-figures" title={tb('figuresTitle')} description={tb('figuresHelp')}>
            <Stack gap="md">
              <DetailList
                items={[
                  { label: tb('goalsCount'), value: f.number(b.goals) },
                  { label: tb('overdueCount'), value: f.number(b.followUpsOverdue) },
                  { label: tb('soonCount'), value: f.number(b.followUpsDueSoon) },
                ]}
              />
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <BarChart
                  title={tb('moneyChart')}
                  summary={tb('moneySummary', {
                    promised: f.sek(b.promisedFollowedUp.money),
                    realised: f.sek(b.realised.money),
                    all: f.sek(b.promised.money),
                  })}
                  labels={labels}
                  series={[
                    {
                      label: tb('perYearKr'),
                      color: '#1c6fb1',
                      values: [
                        b.decided.yearlySavings,
                        b.promised.money,
                        b.promisedFollowedUp.money,
                        b.realised.money,
                      ].map((v) => v / 100),
                    },
                  ]}
                  tableLabel={tb('showTable')}
                  periodLabel={tb('figure')}
                  valueLabel={tb('perYearKr')}
                  format={(v) => f.sek(v * 100)}
                />
                <BarChart
                  title={tb('hoursChart')}
                  summary={tb('hoursSummary', {
                    promised: f.number(b.promisedFollowedUp.hours),
                    realised: f.number(b.realised.hours),
                    all: f.number(b.promised.hours),
                  })}
                  labels={labels}
                  series={[
                    {
                      label: tb('perYearHours'),
                      color: '#2b7a3d',
                      values: [
                        b.decided.hoursFreed,
                        b.promised.hours,
                        b.promisedFollowedUp.hours,
                        b.realised.hours,
                      ],
                    },
                  ]}
                  tableLabel={tb('showTable')}
                  periodLabel={tb('figure')}
                  valueLabel={tb('perYearHours')}
                  format={(v) => f.number(v)}
                />
              </SimpleGrid>
            </Stack>
          </Section>
        )}
        <Section id="benefit-due" title={tb('dueTitle')} description={tb('dueHelp')}>
          {(due.data?.items ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              {due.isPending ? t('common.loading') : tb('noneDue')}
            </Text>
          ) : (
            <GoalTable
              caption={tb('dueCaption')}
              goals={due.data!.items}
              value={value}
              onFollowUp={setFollowing}
            />
          )}
        </Section>
        <Section id="benefit-goals" title={tb('allTitle')}>
          {(all.data?.items ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              {all.isPending ? t('common.loading') : tb('noGoalsAtAll')}
            </Text>
          ) : (
            <GoalTable
              caption={tb('allCaption')}
              goals={all.data!.items}
              value={value}
              onFollowUp={setFollowing}
            />
          )}
        </Section>
      </Stack>
      {following && <FollowUpDialog goal={following} opened onClose={() => setFollowing(null)} />}
    </>
  );
}

function GoalTable({
  caption,
  goals,
  value,
  onFollowUp,
}: {
  caption: string;
  goals: EffectGoal[];
  value: ReturnType<typeof useValueText>;
  onFollowUp: (goal: EffectGoal) => void;
}) {
  const { t } = useTranslation();
  const tb = (key: string, o?: Record<string, unknown>) => t(`portfolio.benefits.${key}`, o ?? {});
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table verticalSpacing="xs" fz="sm" striped>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{tb('goal')}</Table.Th>
            <Table.Th scope="col">{tb('project')}</Table.Th>
            <Table.Th scope="col">{tb('promised')}</Table.Th>
            <Table.Th scope="col">{tb('realised')}</Table.Th>
            <Table.Th scope="col">{tb('nextFollowUp')}</Table.Th>
            <Table.Th scope="col">{tb('field.responsible')}</Table.Th>
            <Table.Th scope="col">{tb('actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {goals.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Th scope="row" fw={500}>
                {g.name}
                <Text size="xs" fw={400}>
                  {g.indicator} · {tb(`kind.${g.kind}`)}
                </Text>
              </Table.Th>
              <Table.Td>
                <RouterAnchor
                  to="/portfolio/projects/$projectId"
                  params={{ projectId: g.project.id }}
                  hash="benefits"
                  size="sm"
                >
                  {g.project.name}
                </RouterAnchor>
              </Table.Td>
              <Table.Td>{value(g, g.promised)}</Table.Td>
              <Table.Td>{value(g, g.realised)}</Table.Td>
              <Table.Td>
                <FollowUpState goal={g} />
              </Table.Td>
              <Table.Td>{g.responsible.name}</Table.Td>
              <Table.Td>
                {g.can.followUp && g.nextFollowUpOn !== null && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconChartLine size={14} aria-hidden />}
                    onClick={() => onFollowUp(g)}
                    aria-label={tb('followUpNamed', { name: g.name })}
                  >
                    {tb('followUp')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
