import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
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
import {
  type ImportAction,
  type ImportIssue,
  importFields,
  type SystemImportReport,
} from '../../../../shared/registry/import.ts';
import { ApiError, api, query } from '../../../platform/api.ts';
import { ProblemAlert, translateMessage } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { ForbiddenPage } from '../../../platform/NotFoundPage.tsx';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useRegistryCan } from '../systems/api.ts';

// Import of a systemkarta: upload, see which column fills which field and change it, check the
// file (a dry run: what each row would do, every error by line), then import all of it or nothing.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IGNORE = '';

const actionColors: Record<ImportAction, string> = {
  create: 'green',
  update: 'sea',
  unchanged: 'gray',
  merged: 'grape',
  error: 'red',
};

export function SystemImportPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const can = useRegistryCan();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  // Header → field ('' ignores the column), as the person chose it; empty means the server's match.
  const [mapping, setMapping] = useState<Record<string, string>>({});
  // The mapping the shown dry run was made with: importing needs a check of the same choice.
  const [checkedWith, setCheckedWith] = useState<string | null>(null);

  const run = useMutation({
    mutationFn: async ({ dryRun, chosen }: { dryRun: boolean; chosen: Record<string, string> }) => {
      if (!file) throw new Error('no file');
      const isXlsx = /\.xlsx$/i.test(file.name) || file.type === XLSX;
      const params = query({
        dryRun: dryRun ? 'true' : undefined,
        mapping: Object.keys(chosen).length > 0 ? JSON.stringify(chosen) : undefined,
      });
      return api.post<SystemImportReport>(`/api/v1/systems/import${params}`, undefined, {
        raw: { body: file, contentType: isXlsx ? XLSX : 'text/csv' },
      });
    },
    onSuccess: async (report, { chosen }) => {
      setCheckedWith(report.dryRun ? JSON.stringify(chosen) : null);
      if (!report.dryRun) await client.invalidateQueries({ queryKey: ['registry'] });
    },
  });

  if (can.data && !can.data.manage) return <ForbiddenPage />;

  const report = run.data;
  const check = (chosen = mapping) => run.mutate({ dryRun: true, chosen });
  const fieldLabel = (field: string) => t(`registry.import.field.${field}`, { defaultValue: field });
  const issueText = (i: ImportIssue) =>
    i.code === 'invalid'
      ? translateMessage(t, i.message)
      : t(`registry.import.issue.${i.code}`, { ...i.params, defaultValue: i.message });
  const changedText = (changed: string[]) => changed.map(fieldLabel).join(', ');
  const rowErrors = run.error instanceof ApiError ? run.error.errors : [];
  const fieldOptions = [
    { value: IGNORE, label: t('registry.import.ignore') },
    ...importFields.map((field) => ({ value: field, label: fieldLabel(field) })),
  ];
  const mayImport =
    report?.dryRun === true && report.errors.length === 0 && checkedWith === JSON.stringify(mapping);

  return (
    <>
      <PageHeader
        title={t('registry.import.title')}
        description={t('registry.import.description')}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: t('registry.systems.title'), to: '/systems' },
          { label: t('registry.import.title') },
        ]}
      />
      <Stack gap="md">
        <Section id="import-file" title={t('registry.import.fileTitle')}>
          <Stack>
            <FileInput
              label={t('registry.import.file')}
              description={t('registry.import.fileHelp')}
              placeholder={t('registry.import.choose')}
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
                {t('registry.import.check')}
              </Button>
              <Button
                leftSection={<IconUpload size={16} aria-hidden />}
                disabled={!mayImport}
                loading={run.isPending && run.variables?.dryRun === false}
                onClick={() => run.mutate({ dryRun: false, chosen: mapping })}
                color="green.8"
              >
                {t('registry.import.run')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t('registry.import.runHelp')}
            </Text>
          </Stack>
        </Section>

        <div aria-live="polite">
          {run.error && rowErrors.length === 0 && <ProblemAlert error={run.error} />}
          {rowErrors.length > 0 && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('registry.import.failed')}
              role="alert"
            >
              <List size="sm">
                {rowErrors.map((e) => (
                  <List.Item key={`${e.path}:${e.message}`}>
                    {e.path}: {translateMessage(t, e.message)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {report && (
            <Alert
              color={report.errors.length > 0 ? 'red' : report.dryRun ? 'sea' : 'green'}
              variant="light"
              icon={
                report.errors.length > 0 ? <IconAlertTriangle aria-hidden /> : <IconCircleCheck aria-hidden />
              }
              title={
                report.errors.length > 0
                  ? t('registry.import.hasErrors', { count: report.errors.length })
                  : report.dryRun
                    ? t('registry.import.checked')
                    : t('registry.import.done')
              }
            >
              <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
                {(['create', 'update', 'unchanged', 'merged', 'error'] as const).map((key) => (
                  <div key={key}>
                    <Text fz={24} fw={700} lh={1.1}>
                      {f.number(report.counts[key])}
                    </Text>
                    <Text size="sm">{t(`registry.import.count.${key}`, { count: report.counts[key] })}</Text>
                  </div>
                ))}
              </SimpleGrid>
              {report.suppliersCreated.length > 0 && (
                <Text size="sm" mt="sm">
                  {t('registry.import.suppliersCreated', {
                    names: new Intl.ListFormat(i18n.language === 'en' ? 'en' : 'sv').format(
                      report.suppliersCreated,
                    ),
                  })}
                </Text>
              )}
            </Alert>
          )}
        </div>

        {report && (
          <Section
            id="import-columns"
            title={t('registry.import.columnsTitle')}
            description={t('registry.import.columnsHelp')}
          >
            <DataTable
              caption={t('registry.import.columnsCaption')}
              colSpan={2}
              minWidth={480}
              head={
                <Table.Tr>
                  <Table.Th scope="col">{t('registry.import.header')}</Table.Th>
                  <Table.Th scope="col">{t('registry.import.fieldColumn')}</Table.Th>
                </Table.Tr>
              }
            >
              {report.columns.map((c) => {
                const chosen = mapping[c.header] ?? c.field ?? IGNORE;
                return (
                  <Table.Tr key={c.index}>
                    <Table.Td>{c.header || t('registry.import.noHeader', { n: c.index + 1 })}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('registry.import.fieldFor', { header: c.header || c.index + 1 })}
                        data={fieldOptions}
                        value={chosen}
                        onChange={(value) => {
                          if (!c.header) return;
                          setMapping((m) => ({ ...m, [c.header]: value ?? IGNORE }));
                        }}
                        disabled={!c.header}
                        allowDeselect={false}
                        comboboxProps={{ withinPortal: true }}
                        w={260}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
            <Group mt="sm">
              <Button
                variant="default"
                onClick={() => check()}
                disabled={Object.keys(mapping).length === 0}
                loading={run.isPending}
              >
                {t('registry.import.checkAgain')}
              </Button>
            </Group>
          </Section>
        )}

        {report?.errors.some((e) => !report.rows.some((r) => r.line === e.line)) && (
          <Alert color="red" variant="light" title={t('registry.import.fileErrors')}>
            <List size="sm">
              {report.errors
                .filter((e) => !report.rows.some((r) => r.line === e.line))
                .map((e) => (
                  <List.Item key={`${e.line}:${e.code}:${e.field}`}>{issueText(e)}</List.Item>
                ))}
            </List>
          </Alert>
        )}

        {report && report.rows.length > 0 && (
          <Section id="import-rows" title={t('registry.import.rowsTitle')}>
            <DataTable
              caption={t('registry.import.rowsCaption')}
              colSpan={4}
              minWidth={720}
              head={
                <Table.Tr>
                  <Table.Th scope="col" w={70}>
                    {t('registry.import.line')}
                  </Table.Th>
                  <Table.Th scope="col">{t('registry.import.system')}</Table.Th>
                  <Table.Th scope="col" w={150}>
                    {t('registry.import.action')}
                  </Table.Th>
                  <Table.Th scope="col">{t('registry.import.what')}</Table.Th>
                </Table.Tr>
              }
            >
              {report.rows.map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>
                    {r.systemId && !report.dryRun ? (
                      <RouterAnchor to="/systems/$systemId" params={{ systemId: r.systemId }} size="sm">
                        {r.name}
                      </RouterAnchor>
                    ) : (
                      r.name || '–'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={actionColors[r.action]}
                      variant="light"
                      styles={{ root: { textTransform: 'none' } }}
                    >
                      {t(`registry.import.action${report.dryRun ? 'Would' : 'Did'}.${r.action}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {r.mergedWith !== null && (
                        <Text size="sm">{t('registry.import.mergedWith', { line: r.mergedWith })}</Text>
                      )}
                      {r.changed.length > 0 && (
                        <Text size="sm">
                          {t(r.action === 'create' ? 'registry.import.sets' : 'registry.import.changes', {
                            fields: changedText(r.changed),
                          })}
                        </Text>
                      )}
                      {r.notes.map((n) => (
                        <Text key={`${n.code}:${n.field}`} size="sm" c="dimmed">
                          {issueText(n)}
                        </Text>
                      ))}
                      {r.errors.map((e) => (
                        <Text key={`${e.code}:${e.field}`} size="sm" c="red.9">
                          {e.field ? `${fieldLabel(e.field)}: ` : ''}
                          {issueText(e)}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Section>
        )}
      </Stack>
    </>
  );
}
