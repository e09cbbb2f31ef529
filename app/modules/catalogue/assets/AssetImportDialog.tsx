import { Alert, Button, Checkbox, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../platform/api.ts';
import { Dialog } from '../../../platform/dialogs.tsx';
import { ProblemAlert, translateMessage } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { DataTable } from '../../../platform/table.tsx';
import { useCatalogueInvalidate } from '../api.ts';

// Importing an asset list (CSV or XLSX) through the platform's import: a dry run first by default,
// then the real one; every bad row is listed with its line and column, and nothing is written.
// The platform's import page's messages (import.*) are reused so both read the same.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportResult {
  created: number;
  dryRun: boolean;
}

/** `line 7.serial` → { line: 7, field: 'serial' }. */
function parsePath(path: string): { line: number | null; field: string } {
  const match = /^line (\d+)(?:\.(.*))?$/.exec(path);
  if (!match) return { line: null, field: path.replace(/^body\.?/, '') };
  return { line: Number(match[1]), field: match[2] ?? '' };
}

export function AssetImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const invalidate = useCatalogueInvalidate();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const run = useMutation({
    mutationFn: async (asDryRun: boolean) => {
      if (!file) throw new Error('no file');
      const isXlsx = /\.xlsx$/i.test(file.name) || file.type === XLSX;
      return api.post<ImportResult>(
        `/api/v1/catalogue/assets/import${asDryRun ? '?dryRun=true' : ''}`,
        undefined,
        { raw: { body: file, contentType: isXlsx ? XLSX : 'text/csv' } },
      );
    },
    onSuccess: async (result) => {
      if (!result.dryRun) await invalidate();
    },
  });
  const rowErrors = run.error instanceof ApiError && run.error.errors.length > 0 ? run.error.errors : [];
  const result = run.data;
  const m = (key: string, o?: Record<string, unknown>) => t(`catalogue.assets.${key}`, o);
  function close() {
    run.reset();
    setFile(null);
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={close} title={m('importTitle')} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) run.mutate(dryRun);
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {m('importHelp')}
          </Text>
          <FileInput
            label={t('import.file')}
            description={t('import.fileHelp')}
            placeholder={t('import.choose')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(value) => {
              setFile(value);
              run.reset();
            }}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            data-autofocus
          />
          <Checkbox
            label={t('import.dryRun')}
            description={t('import.dryRunHelp')}
            checked={dryRun}
            onChange={(e) => setDryRun(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
            <Button
              type="submit"
              leftSection={<IconUpload size={16} aria-hidden />}
              disabled={!file}
              loading={run.isPending}
            >
              {dryRun ? t('import.check') : t('import.run')}
            </Button>
          </Group>
          <div aria-live="polite">
            {result && (
              <Alert
                color="green"
                variant="light"
                icon={<IconCircleCheck aria-hidden />}
                title={result.dryRun ? t('import.dryRunOk') : t('import.done')}
              >
                <Stack gap="sm">
                  <Text size="sm">
                    {m('importCreated', { count: result.created, n: f.number(result.created) })}
                  </Text>
                  {result.dryRun && (
                    <Group>
                      <Button size="sm" onClick={() => run.mutate(false)} loading={run.isPending}>
                        {t('import.runNow')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Alert>
            )}
            {run.error && rowErrors.length === 0 && <ProblemAlert error={run.error} />}
            {rowErrors.length > 0 && (
              <Stack gap="sm">
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertTriangle aria-hidden />}
                  title={t('import.failed')}
                  role="alert"
                >
                  {t('import.errorsFound', { count: rowErrors.length })}
                </Alert>
                <DataTable
                  caption={t('import.errorsCaption')}
                  showCaption
                  colSpan={3}
                  minWidth={480}
                  head={
                    <Table.Tr>
                      <Table.Th scope="col" w={80}>
                        {t('import.line')}
                      </Table.Th>
                      <Table.Th scope="col" w={180}>
                        {t('import.column')}
                      </Table.Th>
                      <Table.Th scope="col">{t('import.error')}</Table.Th>
                    </Table.Tr>
                  }
                >
                  {rowErrors.map((e, i) => {
                    const where = parsePath(e.path);
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id and never reorder
                      <Table.Tr key={i}>
                        <Table.Td>{where.line ?? '–'}</Table.Td>
                        <Table.Td>
                          {where.field
                            ? m(`importColumn.${where.field}`, { defaultValue: where.field })
                            : '–'}
                        </Table.Td>
                        <Table.Td>{translateMessage(t, e.message)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </DataTable>
              </Stack>
            )}
          </div>
        </Stack>
      </form>
    </Dialog>
  );
}
