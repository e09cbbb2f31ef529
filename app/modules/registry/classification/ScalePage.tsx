import {
  Button,
  Fieldset,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ClassificationDimension,
  classificationDimensions,
  consequenceLevels,
  type Scale,
  type ScaleLevels,
  type ScaleVersion,
  scaleLevels,
} from '../../../../shared/registry/classification.ts';
import { api } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { classificationKeys, useScale } from './api.ts';

// The KLASSA consequence scale: what each level means per dimension, in the version in force, and
// the earlier versions. Keepers and security edit the wording in place; saving stores a new version
// based on the one shown (someone else's save meanwhile answers 409 and offers to reload).

function ScaleTables({ levels }: { levels: ScaleLevels }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  return (
    <Stack gap="md">
      {classificationDimensions.map((d) => (
        <Paper key={d} withBorder>
          <DataTable
            caption={t('registry.classification.scale.levelCaption', {
              dimension: t(`registry.classification.dimension.${d}`),
            })}
            showCaption
            colSpan={3}
            minWidth={560}
            head={
              <Table.Tr>
                <Table.Th scope="col" w={70}>
                  {t('registry.classification.scale.level')}
                </Table.Th>
                <Table.Th scope="col" w={200}>
                  {t('registry.classification.scale.name')}
                </Table.Th>
                <Table.Th scope="col">{t('registry.classification.scale.meaning')}</Table.Th>
              </Table.Tr>
            }
          >
            {levels[d].map((step, n) => (
              <Table.Tr key={step.name.sv}>
                <Table.Td>{n}</Table.Td>
                <Table.Td>{step.name[lang]}</Table.Td>
                <Table.Td>{step.description[lang]}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Paper>
      ))}
    </Stack>
  );
}

function ScaleEditor({ scale, onDone }: { scale: Scale; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [levels, setLevels] = useState<ScaleLevels>(() => structuredClone(scale.levels));
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const save = useMutation({
    mutationFn: () =>
      api.post<Scale>('/api/v1/classification-scale', { basedOnVersion: scale.version, levels }),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: classificationKeys.scale });
      notifySuccess(t('registry.classification.scale.saved', { version: saved.version }));
      onDone();
    },
  });
  const change = (
    d: ClassificationDimension,
    n: number,
    part: 'name' | 'description',
    lang: 'sv' | 'en',
    value: string,
  ) =>
    setLevels((current) => {
      const next = structuredClone(current);
      next[d][n]![part][lang] = value;
      return next;
    });
  const key = (d: string, n: number, part: string, lang: string) => `${d}.${n}.${part}.${lang}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const result = scaleLevels.safeParse(levels);
        if (result.success) {
          setInvalid(new Set());
          save.mutate();
        } else {
          setInvalid(new Set(result.error.issues.map((i) => i.path.join('.'))));
          focusFirstInvalid(e.currentTarget);
        }
      }}
      noValidate
    >
      <Stack gap="md">
        <ProblemAlert
          error={save.error}
          onReload={async () => {
            await client.invalidateQueries({ queryKey: classificationKeys.scale });
            onDone();
          }}
        />
        {classificationDimensions.map((d) => (
          <Fieldset key={d} legend={t(`registry.classification.dimension.${d}`)}>
            <Stack gap="md">
              {consequenceLevels.map((n) => {
                const step = levels[d][n]!;
                const heading = t('registry.classification.scale.editLevel', {
                  dimension: t(`registry.classification.dimension.${d}`),
                  level: n,
                });
                const error = (part: string, lang: string) =>
                  invalid.has(key(d, n, part, lang)) ? t('serverMessage.required') : undefined;
                return (
                  <Stack key={n} gap={6} role="group" aria-label={heading}>
                    <Text size="sm" fw={600}>
                      {heading}
                    </Text>
                    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                      <TextInput
                        label={t('registry.classification.scale.nameSv')}
                        value={step.name.sv}
                        onChange={(e) => change(d, n, 'name', 'sv', e.currentTarget.value)}
                        error={error('name', 'sv')}
                        maxLength={80}
                        required
                      />
                      <TextInput
                        label={t('registry.classification.scale.nameEn')}
                        value={step.name.en}
                        onChange={(e) => change(d, n, 'name', 'en', e.currentTarget.value)}
                        error={error('name', 'en')}
                        maxLength={80}
                        required
                      />
                      <Textarea
                        label={t('registry.classification.scale.descriptionSv')}
                        value={step.description.sv}
                        onChange={(e) => change(d, n, 'description', 'sv', e.currentTarget.value)}
                        error={error('description', 'sv')}
                        autosize
                        minRows={2}
                        maxLength={2000}
                        required
                      />
                      <Textarea
                        label={t('registry.classification.scale.descriptionEn')}
                        value={step.description.en}
                        onChange={(e) => change(d, n, 'description', 'en', e.currentTarget.value)}
                        error={error('description', 'en')}
                        autosize
                        minRows={2}
                        maxLength={2000}
                        required
                      />
                    </SimpleGrid>
                  </Stack>
                );
              })}
            </Stack>
          </Fieldset>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('registry.classification.scale.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ScalePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const scale = useScale();
  const versions = useQuery({
    queryKey: [...classificationKeys.versions, scale.data?.version],
    queryFn: ({ signal }) =>
      api.get<{ items: ScaleVersion[] }>('/api/v1/classification-scale/versions', { signal }),
  });
  const [editing, setEditing] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const current = scale.data;
  const shown =
    viewing === null || viewing === current?.version
      ? current
      : versions.data?.items.find((v) => v.version === viewing);
  const label = (v: ScaleVersion) =>
    v.isDefault
      ? t('registry.classification.scale.defaultVersion', { version: v.version })
      : t('registry.classification.scale.version', { version: v.version });

  return (
    <>
      <PageHeader
        title={t('registry.classification.scale.title')}
        description={t('registry.classification.scale.description')}
        breadcrumbs={[
          { label: t('registry.navGroup') },
          { label: t('registry.classification.title'), to: '/classifications' },
          { label: t('registry.classification.scale.nav') },
        ]}
        actions={
          current?.can.update && !editing ? (
            <Button
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => {
                setViewing(null);
                setEditing(true);
              }}
            >
              {t('registry.classification.scale.edit')}
            </Button>
          ) : null
        }
      />
      {scale.error ? <ProblemAlert error={scale.error} /> : null}
      {current && editing && <ScaleEditor scale={current} onDone={() => setEditing(false)} />}
      {shown && !editing && (
        <Section
          id="scale-current"
          title={label(shown)}
          description={
            shown.createdByName
              ? t('registry.classification.scale.savedBy', {
                  name: shown.createdByName,
                  date: f.date(shown.createdAt),
                })
              : undefined
          }
        >
          <ScaleTables levels={shown.levels} />
        </Section>
      )}
      {versions.data && versions.data.items.length > 1 && !editing && (
        <Section id="scale-versions" title={t('registry.classification.scale.versions')} mt="md">
          <DataTable
            caption={t('registry.classification.scale.versionsCaption')}
            colSpan={3}
            minWidth={480}
            head={
              <Table.Tr>
                <Table.Th scope="col">{t('registry.classification.scale.versionColumn')}</Table.Th>
                <Table.Th scope="col">{t('registry.classification.scale.savedByColumn')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            }
          >
            {versions.data.items.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>
                  {label(v)}
                  {v.version === current?.version && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {t('registry.classification.scale.current')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{v.createdByName ? `${v.createdByName}, ${f.date(v.createdAt)}` : '–'}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setViewing(v.version)}
                    aria-pressed={(viewing ?? current?.version) === v.version}
                    aria-label={`${t('registry.classification.scale.show')}: ${label(v)}`}
                  >
                    {t('registry.classification.scale.show')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Section>
      )}
    </>
  );
}
