import { Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProcessingActivity } from '../../../../shared/registry/privacy.ts';
import { useUnitIndex } from '../../../platform/directory/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { EmptyValue, PageHeader } from '../../../platform/page.tsx';
import { useAllActivities } from './api.ts';
import { useActivityDetails } from './details.tsx';

// The printable record of processing of one controller (a nämnd or a bolag): every activity with
// all Art. 30(1) fields, for the nämnd's own register or a supervisory authority's request. The
// print styles leave out the shell (navigation and header) and keep each activity on its page.

const printStyles = `
@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, nav, button { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; margin: 0 !important; }
  [data-print-activity] { break-inside: avoid-page; border: 0 !important; }
  a { color: inherit !important; text-decoration: none !important; }
}`;

export function PrintPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { unitId } = useParams({ from: '/_app/processing-activities/print/$unitId' });
  const { byId } = useUnitIndex();
  const activities = useAllActivities({ controllerId: unitId });
  const name = byId.get(unitId)?.name ?? '…';
  return (
    <>
      <style>{printStyles}</style>
      <PageHeader
        title={t('registry.privacy.printTitle', { name })}
        description={t('registry.privacy.printIntro', { date: f.date(new Date()) })}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: t('registry.privacy.title'), to: '/processing-activities' },
          { label: name },
        ]}
        actions={
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t('registry.privacy.printButton')}
          </Button>
        }
      />
      <Stack gap="lg">
        {activities.error ? <ProblemAlert error={activities.error} /> : null}
        {activities.data && activities.data.length === 0 && <Text>{t('registry.privacy.printNone')}</Text>}
        {activities.data?.map((a) => (
          <PrintedActivity key={a.id} activity={a} />
        ))}
      </Stack>
    </>
  );
}

function PrintedActivity({ activity }: { activity: ProcessingActivity }) {
  const groups = useActivityDetails(activity);
  return (
    <Box
      component="article"
      aria-labelledby={`print-${activity.id}`}
      data-print-activity
      p="md"
      style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
    >
      <Title order={2} id={`print-${activity.id}`} mb="xs">
        {activity.name}
      </Title>
      {activity.description && (
        <Text size="sm" mb="xs">
          {activity.description}
        </Text>
      )}
      <Box component="dl" m={0}>
        {groups.flatMap((g) =>
          g.items.map((item) => (
            <Group key={`${g.key}-${item.label}`} gap="xs" align="baseline" wrap="nowrap" py={2}>
              <Text component="dt" size="sm" fw={600} w={280} style={{ flexShrink: 0 }}>
                {item.label}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                {item.value === null || item.value === '' ? <EmptyValue /> : item.value}
              </Text>
            </Group>
          )),
        )}
      </Box>
    </Box>
  );
}
