import { Box, Button, Group, NumberInput, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { targetFor } from '../../../../shared/governance/goals.ts';
import { initiativeStatuses } from '../../../../shared/governance/plans.ts';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { useFollowUp } from './api.ts';
import {
  AssessmentBadge,
  IndicatorChart,
  InitiativeStatusBadge,
  useFigure,
  useSourceText,
} from './parts.tsx';
import '../../../platform/print.css';
import type { FollowUpSearch } from './search.ts';

// The yearly follow-up of the IT strategy and the IT plan (seed 001: "följas upp årligen"): each
// perspective's goals with their indicators' value against target and trend, and the status of
// the plans that cover the year, with what was planned and spent. One page that prints as it
// reads (print.css hides the app's frame and the controls).

export function FollowUpPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const figure = useFigure();
  const sourceText = useSourceText();
  const search = useSearch({ from: '/_app/governance/follow-up' }) as FollowUpSearch;
  const navigate = useNavigate({ from: '/governance/follow-up' });
  const year = search.year ?? new Date().getFullYear();
  const query = useFollowUp(year);
  const data = query.data;
  const title = t('governance.goals.followUp.title', { year });
  return (
    <Box className="styrbord-follow-up">
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.goals.title'), to: '/governance/goals' },
          { label: title },
        ]}
        description={t('governance.goals.followUp.description')}
        actions={
          <Group gap="xs" className="styrbord-no-print" align="flex-end">
            <NumberInput
              label={t('governance.goals.yearColumn')}
              value={year}
              onChange={(v) => {
                const n = Number(v);
                if (Number.isInteger(n) && n >= 1990 && n <= 2100)
                  void navigate({ search: { year: n }, replace: true });
              }}
              min={1990}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              w={110}
            />
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
            >
              {t('governance.goals.followUp.print')}
            </Button>
          </Group>
        }
      />
      {data && (
        <Stack gap="md">
          {data.perspectives.map(({ perspective, goals }) => (
            <Section
              key={perspective}
              id={`follow-up-${perspective}`}
              title={t(`governance.goals.perspective.${perspective}`)}
            >
              {goals.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('governance.goals.none')}
                </Text>
              ) : (
                <Stack gap="lg">
                  {goals.map((g) => (
                    <Box key={g.id} className="styrbord-goal">
                      <Title order={3} size="h4" mb="xs">
                        <RouterAnchor to="/governance/goals/$goalId" params={{ goalId: g.id }} inherit>
                          {g.title}
                        </RouterAnchor>
                      </Title>
                      {g.indicators.length === 0 && (
                        <Text size="sm" c="dimmed">
                          {t('governance.goals.noIndicators')}
                        </Text>
                      )}
                      <Stack gap="md">
                        {g.indicators.map((i) => {
                          const value = i.years.find((y) => y.year === year);
                          return (
                            <SimpleGrid key={i.id} cols={{ base: 1, md: 2 }} spacing="lg">
                              <Stack gap={4}>
                                <Text fw={600} size="sm">
                                  {i.name}
                                </Text>
                                <Text size="sm">
                                  {t('governance.goals.followUp.valueAgainstTarget', {
                                    year,
                                    value: figure(value?.value ?? null, i.unit),
                                    target: figure(targetFor(i, year), i.unit),
                                  })}{' '}
                                  <AssessmentBadge indicator={i} year={year} />
                                </Text>
                                <Text size="xs" c="dimmed">
                                  {t(`governance.goals.direction.${i.direction}`)}
                                  {' · '}
                                  {i.source
                                    ? `${t(`governance.goals.origin.${value?.origin ?? 'computed'}`)}: ${sourceText(i.source).origin}`
                                    : t('governance.goals.manual')}
                                </Text>
                              </Stack>
                              <IndicatorChart indicator={i} />
                            </SimpleGrid>
                          );
                        })}
                      </Stack>
                    </Box>
                  ))}
                </Stack>
              )}
            </Section>
          ))}
          <Section id="follow-up-plan" title={t('governance.goals.followUp.planTitle', { year })}>
            {data.plans.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('governance.goals.followUp.noPlans')}
              </Text>
            ) : (
              <Stack gap="lg">
                <Table.ScrollContainer minWidth={480} type="native">
                  <Table verticalSpacing={4} fz="sm">
                    <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                      {t('governance.goals.followUp.statusCaption')}
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        {initiativeStatuses.map((s) => (
                          <Table.Th key={s} scope="col" ta="right">
                            {t(`governance.plans.status.${s}`)}
                          </Table.Th>
                        ))}
                        <Table.Th scope="col" ta="right">
                          {t('governance.plans.field.plannedCost')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('governance.plans.field.outcomeCost')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      <Table.Tr>
                        {initiativeStatuses.map((s) => (
                          <Table.Td key={s} ta="right">
                            {f.number(data.summary.byStatus[s])}
                          </Table.Td>
                        ))}
                        <Table.Td ta="right">{f.sek(data.summary.plannedCost)}</Table.Td>
                        <Table.Td ta="right">{f.sek(data.summary.outcomeCost)}</Table.Td>
                      </Table.Tr>
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {data.plans.map((p) => (
                  <Table.ScrollContainer key={p.id} minWidth={640} type="native">
                    <Table verticalSpacing={4} fz="sm" striped>
                      <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                        {p.title}
                        {p.decision ? ` (${p.decision.name})` : ''}
                      </Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('governance.plans.field.initiative')}</Table.Th>
                          <Table.Th scope="col">{t('governance.plans.field.status')}</Table.Th>
                          <Table.Th scope="col">{t('governance.plans.field.goals')}</Table.Th>
                          <Table.Th scope="col" ta="right">
                            {t('governance.plans.field.outcomeCost')}
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {p.initiatives.map((i) => (
                          <Table.Tr key={i.id}>
                            <Table.Th scope="row" fw={500}>
                              {i.title}
                              {i.statusNote && (
                                <Text size="xs" c="dimmed" fw={400}>
                                  {i.statusNote}
                                </Text>
                              )}
                            </Table.Th>
                            <Table.Td>
                              <InitiativeStatusBadge status={i.status} />
                            </Table.Td>
                            <Table.Td>{i.goals.map((g) => g.name).join('; ') || '–'}</Table.Td>
                            <Table.Td ta="right">
                              {i.outcomeCost === null ? '–' : f.sek(i.outcomeCost)}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                ))}
              </Stack>
            )}
          </Section>
        </Stack>
      )}
    </Box>
  );
}
