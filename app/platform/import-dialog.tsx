import { Alert, Button, Checkbox, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api.ts';
import { Dialog } from './dialogs.tsx';
import { ProblemAlert, translateMessage } from './errors.tsx';
import { DataTable } from './table.tsx';

// Importing a file (CSV or XLSX) into a route of the platform's import engine: a dry run first by
// default, then the real one; every bad row is listed with its line and column, and nothing is
// written. The platform's import page's messages (import.*) are reused so every import reads the
// same; the record type gives its title, help, what a result says and its columns' names.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportResult {
  dryRun: boolean;
}

/** `line 7.serial` → { line: 7, field: 'serial' }. */
function parsePath(path: string): { line: number | null; field: string } {
  const match = /^line (\d+)(?:\.(.*))?$/.exec(path);
  if (!match) return { line: null, field: path.replace(/^body\.?/, '') };
  return { line: Number(match[1]), field: match[2] ?? '' };
}

export function FileImportDialog<R extends ImportResult>({
  opened,
  onClose,
  path,
  title,
  help,
  summary,
  columnLabel,
  invalidate,
}: {
  opened: boolean;
  onClose: () => void;
  /** The import route, e.g. /api/v1/catalogue/assets/import; the file's name goes with it. */
  path: string;
  title: string;
  help: string;
  /** What a (dry) run's answer says: how many rows it creates or changes. */
  summary: (result: R) => ReactNode;
  /** A column's name in the list of errors, from the field the server names. */
  columnLabel: (field: string) => string;
  /** Refresh what the import changed. */
  invalidate: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const run = useMutation({
    mutationFn: async (asDryRun: boolean) => {
      if (!file) throw new Error('no file');
      const isXlsx = /\.xlsx$/i.test(file.name) || file.type === XLSX;
      const query = new URLSearchParams({ fileName: file.name });
      if (asDryRun) query.set('dryRun', 'true');
      return api.post<R>(`${path}?${query}`, undefined, {
        raw: { body: file, contentType: isXlsx ? XLSX : 'text/csv' },
      });
    },
    onSuccess: async (result) => {
      if (!result.dryRun) await invalidate();
    },
  });
  const rowErrors = run.error instanceof ApiError && run.error.errors.length > 0 ? run.error.errors : [];
  const result = run.data;
  function close() {
    run.reset();
    setFile(null);
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={close} title={title} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) run.mutate(dryRun);
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {help}
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
                  <Text size="sm">{summary(result)}</Text>
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
                        <Table.Td>{where.field ? columnLabel(where.field) : '–'}</Table.Td>
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
