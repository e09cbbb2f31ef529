import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AiApplication } from '../../../../shared/registry/ai.ts';
import type { System } from '../../../../shared/registry/systems.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { ArchiveDialog } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { DetailList, Section } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { AiDialog, aiKeys } from './AiDialog.tsx';
import { RiskBadge } from './parts.tsx';

// The AI applications of a system on its page: each with its risk, the FRIA and the duties the AI
// Act puts on a deployer; the system's owner and förvaltare register and change them here.

export function AiSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const list = useCursorList<AiApplication>(aiKeys.list, '/api/v1/ai-applications', {
    systemId: system.id,
    limit: 50,
  });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<AiApplication | null>(null);
  const [archiving, setArchiving] = useState<AiApplication | null>(null);
  const invalidate = () => client.invalidateQueries({ queryKey: aiKeys.all });
  const field = (name: string) => t(`registry.ai.field.${name}`);

  return (
    <Section
      id="system-ai"
      title={t('registry.ai.section')}
      actions={
        system.can.update ? (
          <Button
            size="sm"
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('registry.ai.add')}
          </Button>
        ) : null
      }
    >
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {!list.isPending && list.items.length === 0 && <Text size="sm">{t('registry.ai.sectionNone')}</Text>}
      <Stack gap="lg">
        {list.items.map((a) => (
          <Stack key={a.id} gap="xs" component="article" aria-labelledby={`ai-${a.id}`}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs">
                <Text id={`ai-${a.id}`} fw={600}>
                  {a.name}
                </Text>
                <RiskBadge risk={a.riskCategory} />
                {a.riskCategory === 'high' && !a.friaOn && (
                  <StatusBadge tone="warning">{t('registry.ai.friaMissing')}</StatusBadge>
                )}
              </Group>
              <Group gap={4}>
                {a.can.update && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    onClick={() => setEditing(a)}
                    aria-label={`${t('common.edit')}: ${a.name}`}
                  >
                    {t('common.edit')}
                  </Button>
                )}
                {a.can.archive && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    leftSection={<IconArchive size={14} aria-hidden />}
                    onClick={() => setArchiving(a)}
                    aria-label={`${t('common.archive')}: ${a.name}`}
                  >
                    {t('common.archive')}
                  </Button>
                )}
              </Group>
            </Group>
            <DetailList
              items={[
                { label: field('purpose'), value: a.purpose },
                {
                  label: field('highRiskArea'),
                  value: a.highRiskArea ? t(`registry.ai.area.${a.highRiskArea}`) : null,
                },
                { label: field('motivation'), value: a.motivation },
                {
                  label: field('friaRequired'),
                  value: a.friaRequired === null ? null : t(`registry.ai.${a.friaRequired ? 'yes' : 'no'}`),
                },
                { label: field('friaOn'), value: f.date(a.friaOn) || null },
                { label: field('friaResult'), value: a.friaResult },
                { label: field('transparency'), value: a.transparency },
                { label: field('humanOversight'), value: a.humanOversight },
                {
                  label: field('registrationStatus'),
                  value: a.registrationStatus ? t(`registry.ai.registration.${a.registrationStatus}`) : null,
                },
              ]}
            />
          </Stack>
        ))}
      </Stack>
      <AiDialog
        opened={adding || editing !== null}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        system={system}
        record={editing}
      />
      {archiving && (
        <ArchiveDialog
          opened
          onClose={() => setArchiving(null)}
          title={t('registry.ai.archiveTitle')}
          help={t('registry.ai.archiveHelp')}
          path={`/api/v1/ai-applications/${archiving.id}`}
          version={archiving.version}
          onReload={invalidate}
          invalidate={invalidate}
        />
      )}
    </Section>
  );
}
