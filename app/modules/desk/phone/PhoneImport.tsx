import { Alert, Button, FileInput, Group, Select, Stack, Table, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconFileSpreadsheet,
  IconSearch,
  IconUpload,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CallImportReport, callImportFields } from '../../../../shared/desk/phone.ts';
import { ApiError, api, query } from '../../../platform/api.ts';
import { ProblemAlert, translateMessage } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';

// The import of a telephony export: choose the file, see which column fills what and change it,
// check it (a dry run: new calls, calls already imported, every error by line), then import all of
// it or nothing. Importing needs a clean check of the same file and the same mapping.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IGNORE = '';

export function PhoneImport() {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [checkedWith, setCheckedWith] = useState<string | null>(null);

  const run = useMutation({
    mutationFn: async ({ dryRun, chosen }: { dryRun: boolean; chosen: Record<string, string> }) => {
      if (!file) throw new Error('no file');
      const isXlsx = /\.xlsx$/i.test(file.name) || file.type === XLSX;
      const params = query({
        dryRun: dryRun ? 'true' : undefined,
        mapping: Object.keys(chosen).length > 0 ? JSON.stringify(chosen) : undefined,
        fileName: file.name.slice(0, 255),
      });
      return api.post<CallImportReport>(`/api/v1/phone-calls/import${params}`, undefined, {
        raw: { body: file, contentType: isXlsx ? XLSX : 'text/csv' },
      });
    },
    onSuccess: async (report, { chosen }) => {
      setCheckedWith(report.dryRun ? JSON.stringify(chosen) : null);
      if (!report.dryRun) await client.invalidateQueries({ queryKey: ['desk', 'phone'] });
    },
  });

  const report = run.data;
  const check = (chosen = mapping) => run.mutate({ dryRun: true, chosen });
  const fieldOptions = [
    { value: IGNORE, label: t('desk.phone.ignore') },
    ...callImportFields.map((field) => ({ value: field, label: t(`desk.phone.fields.${field}`) })),
  ];
  const mayImport =
    report?.dryRun === true && report.errors.length === 0 && checkedWith === JSON.stringify(mapping);
  // A real import refused (the file changed since the check): its errors come as a problem.
  const refused = run.error instanceof ApiError ? run.error.errors : [];
  const errors = report?.errors ?? [];

  return (
    <Section id="phone-import" title={t('desk.phone.importTitle')} description={t('desk.phone.importHelp')}>
      <Stack>
        <FileInput
          label={t('desk.phone.file')}
          placeholder={t('desk.phone.choose')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(value) => {
            setFile(value);
            setMapping({});
            setCheckedWith(null);
            run.reset();
          }}
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
        <Group>
          <Button
            leftSection={<IconSearch size={16} aria-hidden />}
            disabled={!file}
            loading={run.isPending && run.variables?.dryRun}
            onClick={() => check()}
          >
            {t('desk.phone.check')}
          </Button>
          <Button
            leftSection={<IconUpload size={16} aria-hidden />}
            disabled={!mayImport}
            loading={run.isPending && run.variables?.dryRun === false}
            onClick={() => run.mutate({ dryRun: false, chosen: mapping })}
          >
            {t('desk.phone.run')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('desk.phone.runHelp')}
        </Text>
        <div aria-live="polite">
          {report && report.errors.length === 0 && (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
              {t(report.dryRun ? 'desk.phone.reportOk' : 'desk.phone.imported', {
                rows: f.number(report.rows),
                added: f.number(report.added),
                already: f.number(report.alreadyImported),
              })}
              {report.first && report.last && (
                <Text size="sm" mt={4}>
                  {t('desk.phone.span', { first: f.dateTime(report.first), last: f.dateTime(report.last) })}
                </Text>
              )}
            </Alert>
          )}
          {report && report.errors.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {t('desk.phone.reportErrors', { count: report.errors.length })}
            </Alert>
          )}
        </div>
        {run.error && refused.length === 0 && <ProblemAlert error={run.error} />}
        {report && (
          <DataTable
            caption={t('desk.phone.mappingCaption')}
            showCaption
            colSpan={2}
            minWidth={400}
            head={
              <Table.Tr>
                <Table.Th scope="col">{t('desk.phone.column')}</Table.Th>
                <Table.Th scope="col">{t('desk.phone.field')}</Table.Th>
              </Table.Tr>
            }
          >
            {report.columns.map((c) => (
              <Table.Tr key={c.index}>
                <Table.Th scope="row" fw={500}>
                  {c.header || '–'}
                </Table.Th>
                <Table.Td>
                  <Select
                    aria-label={`${t('desk.phone.field')}: ${c.header || String(c.index + 1)}`}
                    data={fieldOptions}
                    value={mapping[c.header] ?? c.field ?? IGNORE}
                    allowDeselect={false}
                    onChange={(value) => {
                      const next = { ...mapping, [c.header]: value ?? IGNORE };
                      setMapping(next);
                      check(next);
                    }}
                    w={220}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
        {(errors.length > 0 || refused.length > 0) && (
          <DataTable
            caption={t('desk.phone.errorsCaption')}
            showCaption
            colSpan={3}
            minWidth={500}
            head={
              <Table.Tr>
                <Table.Th scope="col">{t('desk.phone.line')}</Table.Th>
                <Table.Th scope="col">{t('desk.phone.field')}</Table.Th>
                <Table.Th scope="col">{t('desk.phone.message')}</Table.Th>
              </Table.Tr>
            }
          >
            {errors.map((e) => (
              <Table.Tr key={`${e.line}-${e.field}-${e.message}`}>
                <Table.Td>{e.line ?? '–'}</Table.Td>
                <Table.Td>
                  {e.field ? t(`desk.phone.fields.${e.field}`, { defaultValue: e.field }) : '–'}
                </Table.Td>
                <Table.Td>{translateMessage(t, e.message)}</Table.Td>
              </Table.Tr>
            ))}
            {refused.map((e) => (
              <Table.Tr key={`${e.path}-${e.message}`}>
                <Table.Td colSpan={2}>{e.path}</Table.Td>
                <Table.Td>{translateMessage(t, e.message)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
    </Section>
  );
}
