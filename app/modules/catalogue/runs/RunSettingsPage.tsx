import { Button, Paper, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Proration, prorations, type RunSettings } from '../../../../shared/catalogue/runs.ts';
import { api } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader } from '../../../platform/page.tsx';
import { useCatalogueInvalidate } from '../api.ts';
import { ExportSettingsForm } from './ExportSettingsForm.tsx';
import { useExportSettings } from './FinanceExport.tsx';
import { runKeys } from './RunsPage.tsx';

// The tenant's chargeback setting: a subscription is charged for the whole month when active on
// any day of it, or by day (the billed days of the month's days). A locked month keeps what it
// was computed with. Below it, how locked runs are exported to the finance system.

type Answer = RunSettings & { can: { update: boolean } };

export function RunSettingsPage() {
  const { t } = useTranslation();
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.runs.${key}`, o);
  const invalidate = useCatalogueInvalidate();
  const settings = useQuery({
    queryKey: runKeys.settings,
    queryFn: ({ signal }) => api.get<Answer>('/api/v1/catalogue/run-settings', { signal }),
  });
  const [proration, setProration] = useState<Proration>('month');
  useEffect(() => {
    if (settings.data) setProration(settings.data.proration);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (s: Answer) => api.put('/api/v1/catalogue/run-settings', { proration, version: s.version }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
    },
  });
  const exports = useExportSettings();
  const s = settings.data;
  return (
    <>
      <PageHeader
        title={m('settingsTitle')}
        description={m('settingsDescription')}
        breadcrumbs={[
          { label: t('catalogue.navGroup') },
          { label: m('title'), to: '/catalogue/runs' },
          { label: m('settingsTitle') },
        ]}
      />
      <ProblemAlert error={settings.error ?? save.error} onReload={() => settings.refetch()} />
      {s && (
        <Paper withBorder p="md" maw={560}>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(s);
            }}
          >
            <Stack>
              <Select
                label={m('proration')}
                data={prorations.map((p) => ({ value: p, label: m(`prorations.${p}`) }))}
                value={proration}
                onChange={(v) => setProration((v as Proration | null) ?? 'month')}
                allowDeselect={false}
                disabled={!s.can.update}
              />
              <Text size="sm" c="dimmed">
                {m(`prorationHelp.${proration}`)}
              </Text>
              {s.can.update && (
                <Button type="submit" loading={save.isPending} w="fit-content">
                  {t('common.save')}
                </Button>
              )}
            </Stack>
          </form>
        </Paper>
      )}
      <ProblemAlert error={exports.error} onReload={() => exports.refetch()} />
      {exports.data && (
        <Stack mt="md">
          <ExportSettingsForm settings={exports.data} />
        </Stack>
      )}
    </>
  );
}
