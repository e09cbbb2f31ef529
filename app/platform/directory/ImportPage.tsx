import {
  Alert,
  Button,
  Checkbox,
  Code,
  FileInput,
  Grid,
  Group,
  List,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconUpload,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ProblemAlert, translateMessage } from '../errors.tsx';
import { useFormat } from '../format.ts';
import { ForbiddenPage } from '../NotFoundPage.tsx';
import { PageHeader, Section } from '../page.tsx';
import { DataTable } from '../table.tsx';
import { useOrgInvalidate } from './api.ts';
import type { Target } from './search.ts';

// Import units or people from CSV/XLSX (all rows or none; a dry run first), and export them.

interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const columns: Record<Target, { header: string; field: string; required?: boolean }[]> = {
  units: [
    { header: 'namn', field: 'name', required: true },
    { header: 'typ', field: 'kind', required: true },
    { header: 'överordnad', field: 'parent' },
    { header: 'kostnadsställe', field: 'costCentre' },
    { header: 'organisationsnummer', field: 'orgNumber' },
  ],
  people: [
    { header: 'förnamn', field: 'givenName', required: true },
    { header: 'efternamn', field: 'familyName', required: true },
    { header: 'e-post', field: 'email', required: true },
    { header: 'titel', field: 'title' },
    { header: 'telefon', field: 'phone' },
    { header: 'anställningsnummer', field: 'employeeNumber' },
    { header: 'enhet', field: 'unit' },
    { header: 'aktiv', field: 'active' },
  ],
};

/** `line 7.email` → { line: 7, field: 'email' }. */
function parsePath(path: string): { line: number | null; field: string } {
  const match = /^line (\d+)(?:\.(.*))?$/.exec(path);
  if (!match) return { line: null, field: path.replace(/^body\.?/, '') };
  return { line: Number(match[1]), field: match[2] ?? '' };
}

export function ImportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { isAdmin } = useAuth();
  const search = useSearch({ from: '/_app/admin/import' });
  const navigate = useNavigate({ from: '/admin/import' });
  const target: Target = search.target ?? 'units';
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const invalidate = useOrgInvalidate();

  const run = useMutation({
    mutationFn: async (asDryRun: boolean) => {
      if (!file) throw new Error('no file');
      const isXlsx = /\.xlsx$/i.test(file.name) || file.type === XLSX;
      return api.post<ImportResult>(`/api/v1/${target}/import${asDryRun ? '?dryRun=true' : ''}`, undefined, {
        raw: { body: file, contentType: isXlsx ? XLSX : 'text/csv' },
      });
    },
    onSuccess: async (result) => {
      if (!result.dryRun) await invalidate();
    },
  });

  if (!isAdmin) return <ForbiddenPage />;

  const rowErrors = run.error instanceof ApiError && run.error.errors.length > 0 ? run.error.errors : [];
  const result = run.data;
  const setTarget = (value: string) => {
    run.reset();
    void navigate({ search: { target: value === 'people' ? 'people' : undefined }, replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('import.title')}
        description={t('import.description')}
        breadcrumbs={[{ label: t('nav.administration') }, { label: t('import.title') }]}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section id="import-file" title={t('import.importTitle')} h="100%">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (file) run.mutate(dryRun);
              }}
            >
              <Stack>
                <Radio.Group label={t('import.what')} value={target} onChange={setTarget}>
                  <Group mt="xs">
                    <Radio value="units" label={t('units.title')} />
                    <Radio value="people" label={t('people.title')} />
                  </Group>
                </Radio.Group>
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
                />
                <Checkbox
                  label={t('import.dryRun')}
                  description={t('import.dryRunHelp')}
                  checked={dryRun}
                  onChange={(e) => setDryRun(e.currentTarget.checked)}
                />
                <Group>
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
                      color={result.dryRun ? 'sea' : 'green'}
                      variant="light"
                      icon={<IconCircleCheck aria-hidden />}
                      title={result.dryRun ? t('import.dryRunOk') : t('import.done')}
                    >
                      <Stack gap="sm">
                        <SimpleGrid cols={3} spacing="sm">
                          {(['created', 'updated', 'unchanged'] as const).map((key) => (
                            <div key={key}>
                              <Text fz={24} fw={700} lh={1.1}>
                                {f.number(result[key])}
                              </Text>
                              <Text size="sm">{t(`import.${key}`, { count: result[key] })}</Text>
                            </div>
                          ))}
                        </SimpleGrid>
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
                            <Table.Th scope="col" w={160}>
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
                                {where.field ? t(`field.${where.field}`, { defaultValue: where.field }) : '–'}
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
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section id="import-columns" title={t('import.columnsTitle')}>
              <Text size="sm" mb="sm">
                {t('import.columnsHelp')}
              </Text>
              <List size="sm" spacing={4}>
                {columns[target].map((c) => (
                  <List.Item key={c.header}>
                    <Code>{c.header}</Code> – {t(`field.${c.field}`)}
                    {c.required ? ` (${t('common.required')})` : ''}
                  </List.Item>
                ))}
              </List>
              {target === 'units' && (
                <Text size="xs" c="dimmed" mt="sm">
                  {t('import.kindsHelp')}
                </Text>
              )}
            </Section>
            <Section id="export" title={t('import.exportTitle')}>
              <Text size="sm" mb="sm">
                {t('import.exportHelp')}
              </Text>
              <Stack gap="xs">
                {(['units', 'people'] as const).map((what) => (
                  <Group key={what} gap="xs">
                    <Text size="sm" w={90} fw={500}>
                      {t(`${what}.title`)}
                    </Text>
                    <Button
                      component="a"
                      size="xs"
                      variant="default"
                      href={`/api/v1/${what}/export?format=csv`}
                      download
                      leftSection={<IconDownload size={14} aria-hidden />}
                      aria-label={t('import.exportCsvOf', { what: t(`${what}.title`) })}
                    >
                      CSV
                    </Button>
                    <Button
                      component="a"
                      size="xs"
                      variant="default"
                      href={`/api/v1/${what}/export?format=xlsx`}
                      download
                      leftSection={<IconDownload size={14} aria-hidden />}
                      aria-label={t('import.exportXlsxOf', { what: t(`${what}.title`) })}
                    >
                      XLSX
                    </Button>
                  </Group>
                ))}
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
