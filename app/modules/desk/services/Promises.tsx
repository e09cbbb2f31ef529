import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { weekdays } from '../../../../shared/desk/calendars.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { useFormat } from '../../../platform/format.ts';
import { usePromises } from './api.ts';

// The desk's published promises on the portal's start (seed 002: open 07–16, the phone answered
// within 60 seconds, 70 % solved at the first contact), each beside what the last 30 days
// measured, so that the promise is followed up in the open, not only made.

function Measured({ value, target }: { value: number | null; target?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (value === null)
    return (
      <Text size="sm" c="dimmed">
        {t('desk.services.promises.notMeasured')}
      </Text>
    );
  const share = new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  return (
    <Group gap="xs">
      <Text size="sm" fw={600}>
        {t('desk.services.promises.measured', { share })}
      </Text>
      {target !== undefined && (
        <StatusBadge tone={value >= target ? 'positive' : 'warning'}>
          {value >= target ? t('desk.services.promises.met') : t('desk.services.promises.notMet')}
        </StatusBadge>
      )}
    </Group>
  );
}

export function Promises() {
  const { t } = useTranslation();
  const f = useFormat();
  const promises = usePromises();
  const p = promises.data;
  if (!p) return null;
  const percent = (value: number) =>
    new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="desk-promises-title">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="wrap">
          <Title order={2} size="h4" id="desk-promises-title">
            {t('desk.services.promises.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('desk.services.promises.measuredNote')}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <Stack gap={4}>
            <Title order={3} size="h6">
              {t('desk.services.promises.openTitle')}
            </Title>
            <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0}>
              <Table.Caption className="visually-hidden">
                {t('desk.services.promises.hoursCaption', { date: f.date(p.weekStarts) })}
              </Table.Caption>
              <Table.Thead className="visually-hidden">
                <Table.Tr>
                  <Table.Th scope="col">{t('desk.services.promises.day')}</Table.Th>
                  <Table.Th scope="col">{t('desk.services.promises.hours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {weekdays.map((d) => {
                  const hours = p.openingHours[d] ?? [];
                  return (
                    <Table.Tr key={d}>
                      <Table.Th scope="row" fw={400} pr="sm">
                        <Text span size="sm">
                          {t(`desk.calendars.weekday.${d}`)}
                        </Text>
                      </Table.Th>
                      <Table.Td>
                        <Text span size="sm">
                          {hours.length === 0
                            ? t('desk.services.promises.closed')
                            : hours.map(([from, to]) => `${from}–${to}`).join(', ')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
          <Stack gap={4}>
            <Title order={3} size="h6">
              {t('desk.services.promises.phoneTitle')}
            </Title>
            <Text size="sm">
              {t('desk.services.promises.phonePromise', {
                share: percent(p.phoneAnswerShare),
                seconds: p.phoneAnswerSeconds,
              })}
            </Text>
            <Measured value={p.measured.phoneAnsweredWithin} target={p.phoneAnswerShare} />
          </Stack>
          <Stack gap={4}>
            <Title order={3} size="h6">
              {t('desk.services.promises.firstContactTitle')}
            </Title>
            <Text size="sm">
              {t('desk.services.promises.firstContactPromise', {
                share: percent(p.firstContactResolutionTarget),
              })}
            </Text>
            <Measured value={p.measured.firstContactResolution} target={p.firstContactResolutionTarget} />
          </Stack>
          <Stack gap={4}>
            <Title order={3} size="h6">
              {t('desk.services.promises.resolutionTitle')}
            </Title>
            <Text size="sm">{t('desk.services.promises.resolutionPromise')}</Text>
            <Measured value={p.measured.resolutionCompliance} />
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
