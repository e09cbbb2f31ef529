import { Button, Group, List, Stack, Text } from '@mantine/core';
import { IconChartLine, IconPlayerPlay } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterButton } from '../../../platform/links.tsx';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { useGovernanceInvalidate } from '../api.ts';
import { useSurveyTemplate } from './api.ts';
import { questionCount, RoundsTable, StartRoundModal } from './rounds.tsx';

// One template: its sections and questions as a new round will ask them, the revision, its
// rounds, and the way to the comparison across years.

export function TemplatePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { templateId } = useParams({ from: '/_app/governance/surveys/$templateId' });
  const query = useSurveyTemplate(templateId);
  const invalidate = useGovernanceInvalidate();
  const restore = useRestore(`/api/v1/surveys/${templateId}`, query.data?.version ?? 0, invalidate);
  const [dialog, setDialog] = useState<null | 'archive' | 'start'>(null);
  const d = query.data;
  if (!d || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`governance.surveys.field.${name}`);
  let n = 0;

  return (
    <>
      <PageHeader
        title={d.title}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.surveys.title'), to: '/governance/surveys' },
          { label: d.title },
        ]}
        description={d.description ?? undefined}
        actions={
          <Group gap="xs">
            <RouterButton
              variant="default"
              to="/governance/surveys/$templateId/comparison"
              params={{ templateId }}
              leftSection={<IconChartLine size={16} aria-hidden />}
            >
              {t('governance.surveys.compare')}
            </RouterButton>
            {d.can.startRound && (
              <Button
                variant="default"
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={() => setDialog('start')}
              >
                {t('governance.surveys.startRound')}
              </Button>
            )}
            <RecordActions
              archived={!!d.archivedAt}
              can={d.can}
              onEdit={() =>
                void navigate({ to: '/governance/surveys/$templateId/edit', params: { templateId } })
              }
              restore={restore}
              items={[]}
              history={{ entity: 'surveyTemplate', entityId: d.id }}
              onArchive={() => setDialog('archive')}
            />
          </Group>
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          d.archivedAt
            ? {
                title: t('governance.surveys.archivedTitle', { date: f.date(d.archivedAt) }),
                reason: d.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="survey-template-details" title={t('governance.surveys.details')}>
          <DetailList
            items={[
              { label: field('revision'), value: f.number(d.revision) },
              { label: field('questions'), value: f.number(questionCount(d)) },
              { label: field('rounds'), value: f.number(d.rounds) },
            ]}
          />
          <Text size="sm" c="dimmed" mt="sm">
            {t('governance.surveys.revisionNote', { revision: d.revision })}
          </Text>
        </Section>
        {d.sections.map((section) => (
          <Section key={section.id} id={`section-${section.id}`} title={section.title}>
            <List type="ordered" spacing="xs" start={n + 1}>
              {section.questions.map((q) => {
                n += 1;
                return (
                  <List.Item key={q.id}>
                    <Text size="sm" fw={500}>
                      {q.text}
                    </Text>
                    {q.help && (
                      <Text size="sm" c="dimmed">
                        {q.help}
                      </Text>
                    )}
                    <Text size="sm">
                      {q.kind === 'scale'
                        ? (q.scale ?? []).map((s) => `${s.value} ${s.label}`).join(' · ')
                        : t(`governance.surveys.kind.${q.kind}`)}
                    </Text>
                  </List.Item>
                );
              })}
            </List>
          </Section>
        ))}
        <Section id="survey-template-rounds" title={t('governance.surveys.templateRounds')}>
          <RoundsTable templateId={templateId} bordered={false} />
        </Section>
      </Stack>
      <ArchiveDialog
        opened={dialog === 'archive'}
        onClose={() => setDialog(null)}
        title={t('governance.surveys.archiveTitle')}
        help={t('governance.surveys.archiveHelp')}
        path={`/api/v1/surveys/${templateId}`}
        version={d.version}
        onReload={() => query.refetch()}
        invalidate={invalidate}
      />
      {d.can.startRound && (
        <StartRoundModal
          opened={dialog === 'start'}
          onClose={() => setDialog(null)}
          template={{ id: d.id, name: d.title }}
        />
      )}
    </>
  );
}
