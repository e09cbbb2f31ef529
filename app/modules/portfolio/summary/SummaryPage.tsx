import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { demandStatuses } from '../../../../shared/portfolio/demands.ts';
import { procurementStatuses } from '../../../../shared/portfolio/procurements.ts';
import { projectPhases } from '../../../../shared/portfolio/projects.ts';
import type { PortfolioSummary } from '../../../../shared/portfolio/summary.ts';
import { api } from '../../../platform/api.ts';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';

// The portfolio at a glance (GET /api/v1/portfolio/summary): the demands at each step and what
// the approved ones promise, the projects by phase and latest status with this year's budget, the
// procurements by status and what the cancelled ones cost, the benefit promised against realised.
// Each figure in words beside its label.

export function SummaryPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const summary = useQuery({
    queryKey: ['portfolio', 'summary'],
    queryFn: ({ signal }) => api.get<PortfolioSummary>('/api/v1/portfolio/summary', { signal }),
  });
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.summary.${key}`, o);
  const s = summary.data;
  const count = (n: number) => f.number(n);
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('portfolio.navGroup') }, { label: m('title') }]}
      />
      {s && (
        <Stack gap="md">
          <Section id="summary-demands" title={m('demands', { count: s.demands.total })}>
            <Stack gap="md">
              <DetailList
                items={demandStatuses.map((status) => ({
                  label: t(`portfolio.demands.status.${status}`),
                  value: count(s.demands.byStatus[status] ?? 0),
                }))}
              />
              <DetailList
                items={[
                  { label: m('approved'), value: count(s.demands.approved.count) },
                  { label: m('yearlySavings'), value: f.sek(s.demands.approved.yearlySavings) },
                  { label: m('hoursFreed'), value: count(s.demands.approved.hoursFreed) },
                  { label: m('investment'), value: f.sek(s.demands.approved.investment) },
                ]}
              />
            </Stack>
          </Section>
          <Section id="summary-projects" title={m('projects', { count: s.projects.total })}>
            <Stack gap="md">
              <DetailList
                items={projectPhases.map((phase) => ({
                  label: t(`portfolio.projects.phase.${phase}`),
                  value: count(s.projects.byPhase[phase] ?? 0),
                }))}
              />
              <DetailList
                items={[
                  ...(['green', 'amber', 'red'] as const).map((level) => ({
                    label: m('latest', { level: t(`portfolio.projects.rag.${level}`) }),
                    value: count(s.projects.byStatus[level]),
                  })),
                  { label: m('unreported'), value: count(s.projects.byStatus.none) },
                  { label: m('overdue'), value: count(s.projects.reportsOverdue) },
                ]}
              />
              <DetailList
                items={[
                  {
                    label: m('budgetInvestment', { year: s.year }),
                    value: f.sek(s.projects.budget.investment),
                  },
                  {
                    label: m('outcomeInvestment', { year: s.year }),
                    value: f.sek(s.projects.budget.investmentOutcome),
                  },
                  { label: m('budgetRunning', { year: s.year }), value: f.sek(s.projects.budget.running) },
                  {
                    label: m('outcomeRunning', { year: s.year }),
                    value: f.sek(s.projects.budget.runningOutcome),
                  },
                ]}
              />
            </Stack>
          </Section>
          <Section id="summary-benefits" title={m('benefits')} description={m('benefitsHelp')}>
            <Stack gap="md">
              <DetailList
                items={[
                  { label: m('decidedMoney'), value: f.sek(s.benefits.decided.yearlySavings) },
                  { label: m('promisedMoney'), value: f.sek(s.benefits.promised.money) },
                  { label: m('followedMoney'), value: f.sek(s.benefits.promisedFollowedUp.money) },
                  { label: m('realisedMoney'), value: f.sek(s.benefits.realised.money) },
                ]}
              />
              <DetailList
                items={[
                  { label: m('decidedHours'), value: count(s.benefits.decided.hoursFreed) },
                  { label: m('promisedHours'), value: count(s.benefits.promised.hours) },
                  { label: m('followedHours'), value: count(s.benefits.promisedFollowedUp.hours) },
                  { label: m('realisedHours'), value: count(s.benefits.realised.hours) },
                  { label: m('followUpsOverdue'), value: count(s.benefits.followUpsOverdue) },
                ]}
              />
              <RouterAnchor to="/portfolio/benefits" size="sm">
                {m('benefitsLink')}
              </RouterAnchor>
            </Stack>
          </Section>
          <Section id="summary-procurements" title={m('procurements', { count: s.procurements.total })}>
            <DetailList
              items={[
                ...procurementStatuses.map((status) => ({
                  label: t(`portfolio.procurements.status.${status}`),
                  value: count(s.procurements.byStatus[status] ?? 0),
                })),
                { label: m('cancelledCost'), value: f.sek(s.procurements.cancelledCost) },
              ]}
            />
          </Section>
        </Stack>
      )}
    </>
  );
}
