import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArchive, IconPencil, IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Classification } from '../../../../shared/registry/classification.ts';
import type { System } from '../../../../shared/registry/systems.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { ArchiveDialog } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { CursorTable } from '../../../platform/list-page.tsx';
import { Section } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { classificationKeys, useSystemClassification } from './api.ts';
import { ClassifyDialog } from './ClassifyDialog.tsx';
import { Levels } from './parts.tsx';

// A system's classification on its page: the maximum per dimension over its information sets (and
// the call for a protection analysis at level 4), then each information set. A reader outside the
// circle of secrecy sees only "Klassad, nästa översyn …": the server sends them no levels at all.

export function ClassificationSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const summary = useSystemClassification(system.id);
  const list = useCursorList<Classification>(
    classificationKeys.list,
    '/api/v1/classifications',
    { systemId: system.id, limit: 50 },
    { enabled: summary.data?.restricted === false },
  );
  const [editing, setEditing] = useState<Classification | null>(null);
  const [classifying, setClassifying] = useState(false);
  const [archiving, setArchiving] = useState<Classification | null>(null);
  const s = summary.data;
  const invalidate = () => client.invalidateQueries({ queryKey: classificationKeys.all });

  return (
    <Section
      id="system-classification"
      title={t('registry.classification.section')}
      actions={
        s?.can.classify ? (
          <Button
            size="sm"
            leftSection={<IconShieldLock size={16} aria-hidden />}
            onClick={() => setClassifying(true)}
          >
            {t('registry.classification.classify')}
          </Button>
        ) : null
      }
    >
      {summary.error ? <ProblemAlert error={summary.error} /> : null}
      {s && !s.classified && <Text size="sm">{t('registry.classification.notClassified')}</Text>}
      {s?.classified && s.restricted && (
        <Stack gap={4}>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('registry.classification.restrictedSummary', { date: f.date(s.nextReviewOn) })}
            </Text>
            {s.overdue && <StatusBadge tone="warning">{t('registry.classification.overdue')}</StatusBadge>}
          </Group>
          <Text size="sm" c="dimmed">
            {t('registry.classification.restrictedNote')}
          </Text>
        </Stack>
      )}
      {s?.classified && !s.restricted && (
        <Stack gap="sm">
          <Group gap="sm">
            <Text size="sm" fw={600}>
              {t('registry.classification.maximum')}
            </Text>
            <Levels levels={s} />
            <Text size="sm" c="dimmed">
              {t('registry.classification.nextReview', { date: f.date(s.nextReviewOn) })}
            </Text>
            {s.overdue && <StatusBadge tone="warning">{t('registry.classification.overdue')}</StatusBadge>}
          </Group>
          {s.needsProtectionAnalysis && (
            <Alert color="red" variant="light" title={t('registry.classification.protectionAnalysis')} />
          )}
          <CursorTable
            bordered={false}
            list={list}
            caption={t('registry.classification.caption')}
            colSpan={4}
            minWidth={520}
            emptyText={t('registry.classification.none')}
            head={
              <Table.Tr>
                <Table.Th scope="col">{t('registry.classification.field.informationSet')}</Table.Th>
                <Table.Th scope="col">{t('registry.classification.field.levels')}</Table.Th>
                <Table.Th scope="col">{t('registry.classification.field.nextReviewOn')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            }
          >
            {list.items.map((c) => {
              const name = c.informationSet ?? t('registry.classification.wholeSystem');
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {name}
                    </Text>
                    {c.motivation && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {c.motivation}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Levels levels={c} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {f.date(c.nextReviewOn)}
                      {c.overdue && (
                        <StatusBadge tone="warning">{t('registry.classification.overdue')}</StatusBadge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {c.can.update && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          onClick={() => setEditing(c)}
                          aria-label={`${t('common.edit')}: ${name}`}
                        >
                          {t('common.edit')}
                        </Button>
                      )}
                      {c.can.archive && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          leftSection={<IconArchive size={14} aria-hidden />}
                          onClick={() => setArchiving(c)}
                          aria-label={`${t('common.archive')}: ${name}`}
                        >
                          {t('common.archive')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </CursorTable>
        </Stack>
      )}
      <ClassifyDialog
        opened={classifying || editing !== null}
        onClose={() => {
          setClassifying(false);
          setEditing(null);
        }}
        system={system}
        record={editing}
      />
      {archiving && (
        <ArchiveDialog
          opened
          onClose={() => setArchiving(null)}
          title={t('registry.classification.archiveTitle')}
          help={t('registry.classification.archiveHelp')}
          path={`/api/v1/classifications/${archiving.id}`}
          version={archiving.version}
          onReload={invalidate}
          invalidate={invalidate}
        />
      )}
    </Section>
  );
}
