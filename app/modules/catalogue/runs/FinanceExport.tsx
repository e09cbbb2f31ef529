import { Alert, Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExportSettings } from '../../../../shared/catalogue/exports.ts';
import type { Run } from '../../../../shared/catalogue/runs.ts';
import { api } from '../../../platform/api.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { runKeys } from './RunsPage.tsx';

// The finance files of a locked run (SIE 4i and the ledger layout), offered to the keepers only
// when the server would write them: the run is locked and the export settings are complete.
// Otherwise the page says what is missing, rather than offering a download that answers 409.

export function useExportSettings(enabled = true) {
  return useQuery({
    queryKey: runKeys.exportSettings,
    queryFn: ({ signal }) => api.get<ExportSettings>('/api/v1/catalogue/export-settings', { signal }),
    enabled,
  });
}

export function FinanceExportMenu({ run }: { run: Run }) {
  const { t } = useTranslation();
  const m = (key: string) => t(`catalogue.runs.${key}`);
  const settings = useExportSettings(run.state === 'locked');
  // Who may change the settings is who may run the chargeback: the finance files are theirs.
  if (run.state !== 'locked' || !settings.data?.can.update || !settings.data.complete) return null;
  const base = `/api/v1/catalogue/runs/${run.id}`;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {m('financeExport')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={`${base}/sie`} download>
          {m('exportSie')}
        </Menu.Item>
        <Menu.Item component="a" href={`${base}/ledger?format=csv`} download>
          {m('exportLedgerCsv')}
        </Menu.Item>
        <Menu.Item component="a" href={`${base}/ledger?format=xlsx`} download>
          {m('exportLedgerXlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Why a locked run offers no finance files: the settings are incomplete. */
export function FinanceExportNotice({ run }: { run: Run }) {
  const { t } = useTranslation();
  const m = (key: string) => t(`catalogue.runs.${key}`);
  const settings = useExportSettings(run.state === 'locked');
  if (run.state !== 'locked' || !settings.data?.can.update || settings.data.complete) return null;
  return (
    <Alert color="yellow" title={m('exportIncomplete')}>
      {m('exportIncompleteHelp')}{' '}
      <RouterAnchor to="/catalogue/run-settings">{m('settingsTitle')}</RouterAnchor>
    </Alert>
  );
}
