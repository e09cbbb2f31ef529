import { NumberInput, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  SurveyRound,
  SurveyRoundSummary,
  SurveyTemplate,
} from '../../../../shared/governance/surveys.ts';
import { api } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable } from '../../../platform/list-page.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { useCursorList } from '../../../platform/table.tsx';
import { type Named, RemoteSelect } from '../../desk/inputs.tsx';
import { surveyKeys } from './api.ts';

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

export function RoundStatusBadge({ status }: { status: SurveyRound['status'] }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={status === 'submitted' ? 'positive' : 'warning'}>
      {t(`governance.surveys.status.${status}`)}
    </StatusBadge>
  );
}

export const questionCount = (template: Pick<SurveyTemplate, 'sections'>) =>
  template.sections.reduce((n, s) => n + s.questions.length, 0);

export function RoundsTable({ templateId, bordered = true }: { templateId?: string; bordered?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useCursorList<SurveyRoundSummary>(surveyKeys.roundList, '/api/v1/surveys/rounds', {
    templateId,
    limit: 50,
  });
  const field = (name: string) => t(`governance.surveys.field.${name}`);
  return (
    <CursorTable
      bordered={bordered}
      list={list}
      caption={t('governance.surveys.roundsCaption')}
      colSpan={5}
      minWidth={720}
      emptyText={t('governance.surveys.noRounds')}
      head={
        <Table.Tr>
          <Table.Th scope="col">{field('year')}</Table.Th>
          <Table.Th scope="col">{field('template')}</Table.Th>
          <Table.Th scope="col">{field('forum')}</Table.Th>
          <Table.Th scope="col">{field('status')}</Table.Th>
          <Table.Th scope="col">{field('answered')}</Table.Th>
        </Table.Tr>
      }
    >
      {list.items.map((r) => (
        <Table.Tr key={r.id}>
          <Table.Td>
            <RouterAnchor
              to="/governance/surveys/rounds/$roundId"
              params={{ roundId: r.id }}
              fw={500}
              size="sm"
            >
              {t('governance.surveys.round.title', { template: r.template.title, year: r.year })}
            </RouterAnchor>
          </Table.Td>
          <Table.Td>
            <Text span size="sm">
              {r.template.title}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text span size="sm">
              {r.forum.name}
            </Text>
          </Table.Td>
          <Table.Td>
            <RoundStatusBadge status={r.status} />
          </Table.Td>
          <Table.Td>
            <Text span size="sm">
              {t('governance.surveys.answeredOf', {
                answered: f.number(r.answered),
                questions: f.number(r.questions),
              })}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </CursorTable>
  );
}

/** Start a forum's round of a template for a year; opens the round on success. */
export function StartRoundModal({
  opened,
  onClose,
  template,
}: {
  opened: boolean;
  onClose: () => void;
  /** The template, when started from its page; otherwise chosen here. */
  template?: Named;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<Named | null>(template ?? null);
  const [forum, setForum] = useState<Named | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const start = useMutation({
    mutationFn: () =>
      api.post<SurveyRound>('/api/v1/surveys/rounds', { templateId: chosen?.id, forumId: forum?.id, year }),
    onSuccess: async (round) => {
      await client.invalidateQueries({ queryKey: surveyKeys.all });
      notifySuccess(t('governance.surveys.started'));
      onClose();
      void navigate({ to: '/governance/surveys/rounds/$roundId', params: { roundId: round.id } });
    },
  });
  const errors = useFieldErrors(start.error);
  const field = (name: string) => t(`governance.surveys.field.${name}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <Dialog opened={opened} onClose={onClose} title={t('governance.surveys.startRound')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('governance.surveys.startRoundHelp')}</Text>
          <ProblemAlert error={start.error} fields={['templateId', 'forumId', 'year']} />
          {!template && (
            <RemoteSelect
              path="/api/v1/surveys"
              labelOf={(item) => String(item.title)}
              label={field('template')}
              value={chosen}
              onChange={setChosen}
              error={errors.templateId}
              required
            />
          )}
          <RemoteSelect
            path="/api/v1/forums"
            labelOf={(item) => String(item.name)}
            label={field('forum')}
            value={forum}
            onChange={setForum}
            error={errors.forumId}
            required
          />
          <NumberInput
            label={field('year')}
            value={year}
            onChange={(v) => setYear(typeof v === 'number' ? v : Number(v))}
            min={2000}
            max={2100}
            allowDecimal={false}
            error={errors.year}
            required
          />
          <DialogFooter
            onCancel={onClose}
            label={t('governance.surveys.startRound')}
            loading={start.isPending}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
