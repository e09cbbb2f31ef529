import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconChartLine, IconDeviceFloppy, IconLockOpen, IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, Question, SurveyRound } from '../../../../shared/governance/surveys.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterButton } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { isNotFound, RecordFallback } from '../../../platform/record-actions.tsx';
import { useGovernanceInvalidate } from '../api.ts';
import { useComparison, useSurveyRound } from './api.ts';
import { RoundStatusBadge } from './rounds.tsx';

// A forum's round of a year, for answering: each section's questions in order, a scale or yes/no
// as a radio group (arrow keys move between the steps), free text as a text box, and a comment
// for each. Only the answers changed are saved, each with the version read, so two people
// answering different questions at once keep both; a submitted round shows its answers locked.

interface Edit {
  value: number | null;
  text: string;
  comment: string;
}

const editOf = (a: Answer | undefined): Edit => ({
  value: a?.value ?? null,
  text: a?.text ?? '',
  comment: a?.comment ?? '',
});

export function RoundPage() {
  const { roundId } = useParams({ from: '/_app/governance/surveys/rounds/$roundId' });
  const query = useSurveyRound(roundId);
  if (!query.data || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  return <RoundForm round={query.data} onReload={() => void query.refetch()} />;
}

function QuestionField({
  question,
  n,
  edit,
  saved,
  earlier,
  disabled,
  onChange,
}: {
  question: Question;
  n: number;
  edit: Edit;
  saved: Answer | undefined;
  /** The forum's answers of earlier years, oldest first: "2024: 2 Påbörjad". */
  earlier: string[];
  disabled: boolean;
  onChange: (edit: Edit) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = `${n}. ${question.text}`;
  const steps =
    question.kind === 'scale'
      ? (question.scale ?? []).map((s) => ({ value: String(s.value), label: `${s.value} – ${s.label}` }))
      : [
          { value: '1', label: t('common.yes') },
          { value: '0', label: t('common.no') },
        ];
  return (
    <Stack gap="xs" pb="md" style={{ borderBottom: '1px solid #dee2e6' }}>
      {question.kind === 'text' ? (
        <Textarea
          label={label}
          description={question.help ?? undefined}
          value={edit.text}
          onChange={(e) => onChange({ ...edit, text: e.currentTarget.value })}
          disabled={disabled}
          autosize
          minRows={2}
        />
      ) : (
        <Radio.Group
          label={label}
          description={question.help ?? undefined}
          value={edit.value === null ? null : String(edit.value)}
          onChange={(v) => onChange({ ...edit, value: Number(v) })}
          name={`question-${question.id}`}
        >
          <Group gap="md" mt={6}>
            {steps.map((s) => (
              <Radio key={s.value} value={s.value} label={s.label} disabled={disabled} />
            ))}
          </Group>
        </Radio.Group>
      )}
      <Textarea
        label={t('governance.surveys.round.comment', { n })}
        value={edit.comment}
        onChange={(e) => onChange({ ...edit, comment: e.currentTarget.value })}
        disabled={disabled}
        autosize
        minRows={1}
      />
      {earlier.length > 0 && (
        <Text size="sm">{t('governance.surveys.round.earlier', { answers: earlier.join(' · ') })}</Text>
      )}
      {saved && (
        <Text size="xs" c="dimmed">
          {t('governance.surveys.round.lastBy', {
            name: saved.updatedBy ?? '',
            date: f.dateTime(saved.updatedAt),
          })}
        </Text>
      )}
    </Stack>
  );
}

function RoundForm({ round, onReload }: { round: SurveyRound; onReload: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const invalidate = useGovernanceInvalidate();
  const answers = new Map(round.answers.map((a) => [a.questionId, a]));
  const [edits, setEdits] = useState<Map<string, Edit>>(new Map());
  const [dialog, setDialog] = useState<null | 'submit' | 'reopen'>(null);
  const [reason, setReason] = useState('');
  const editable = round.can.answer;
  // Earlier years' answers beside each question (the comparison's figures), for a steady scale.
  const comparison = useComparison(round.template.id, round.forum.id);
  const earlier = new Map<string, string[]>();
  const c = comparison.data;
  if (c)
    for (const section of c.sections)
      for (const q of section.questions) {
        const said: string[] = [];
        c.years.forEach((y, i) => {
          const a = q.answers[i];
          if (y.year >= round.year || !a || (a.value === null && !a.text)) return;
          const value =
            q.kind === 'scale'
              ? `${a.value} ${q.scale?.find((s) => s.value === a.value)?.label ?? ''}`.trim()
              : q.kind === 'yesNo'
                ? t(a.value === 1 ? 'common.yes' : 'common.no')
                : (a.text ?? '');
          said.push(`${y.year}: ${value}`);
        });
        earlier.set(q.id, said);
      }

  const changed = [...edits].filter(([id, e]) => {
    const before = editOf(answers.get(id));
    return before.value !== e.value || before.text !== e.text || before.comment !== e.comment;
  });
  const save = useMutation({
    mutationFn: () =>
      api.patch<SurveyRound>(`/api/v1/surveys/rounds/${round.id}/answers`, {
        answers: changed.map(([questionId, e]) => ({
          questionId,
          value: e.value,
          text: e.text.trim() ? e.text : null,
          comment: e.comment.trim() ? e.comment : null,
          version: answers.get(questionId)?.version ?? null,
        })),
      }),
    onSuccess: async () => {
      await invalidate();
      setEdits(new Map());
      notifySuccess(t('governance.surveys.round.saved'));
    },
  });
  const submit = useMutation({
    mutationFn: () =>
      api.post<SurveyRound>(`/api/v1/surveys/rounds/${round.id}/submit`, { version: round.version }),
    onSuccess: async () => {
      await invalidate();
      setDialog(null);
      notifySuccess(t('governance.surveys.round.submitted'));
    },
  });
  const reopen = useMutation({
    mutationFn: () =>
      api.post<SurveyRound>(`/api/v1/surveys/rounds/${round.id}/reopen`, { version: round.version, reason }),
    onSuccess: async () => {
      await invalidate();
      setDialog(null);
      setReason('');
      notifySuccess(t('governance.surveys.round.reopened'));
    },
  });
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (changed.length > 0) save.mutate();
  };
  const title = t('governance.surveys.round.title', { template: round.template.title, year: round.year });
  let n = 0;

  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.surveys.title'), to: '/governance/surveys' },
          { label: title },
        ]}
        badges={<RoundStatusBadge status={round.status} />}
        description={t('governance.surveys.round.description', { forum: round.forum.name })}
        actions={
          <Group gap="xs">
            <RouterButton
              variant="default"
              to="/governance/surveys/$templateId/comparison"
              params={{ templateId: round.template.id }}
              search={{ forum: round.forum.id }}
              leftSection={<IconChartLine size={16} aria-hidden />}
            >
              {t('governance.surveys.compare')}
            </RouterButton>
            {round.can.submit && (
              <Button
                leftSection={<IconSend size={16} aria-hidden />}
                onClick={() => setDialog('submit')}
                disabled={changed.length > 0}
              >
                {t('governance.surveys.round.submit')}
              </Button>
            )}
            {round.can.reopen && (
              <Button
                variant="default"
                leftSection={<IconLockOpen size={16} aria-hidden />}
                onClick={() => setDialog('reopen')}
              >
                {t('governance.surveys.round.reopen')}
              </Button>
            )}
          </Group>
        }
      />
      {round.status === 'submitted' && (
        <Alert color="gray" variant="light" mb="md">
          {t('governance.surveys.round.submittedNote', {
            date: f.dateTime(round.submittedAt),
            name: round.submittedBy ?? '',
          })}
        </Alert>
      )}
      <form onSubmit={onSave} noValidate>
        <Stack gap="md">
          <ProblemAlert error={save.error} onReload={onReload} />
          {round.sections.map((section) => (
            <Section key={section.id} id={`round-section-${section.id}`} title={section.title}>
              <Stack gap="md">
                {section.questions.map((q) => {
                  n += 1;
                  return (
                    <QuestionField
                      key={q.id}
                      question={q}
                      n={n}
                      edit={edits.get(q.id) ?? editOf(answers.get(q.id))}
                      saved={answers.get(q.id)}
                      earlier={earlier.get(q.id) ?? []}
                      disabled={!editable}
                      onChange={(edit) => setEdits((m) => new Map(m).set(q.id, edit))}
                    />
                  );
                })}
              </Stack>
            </Section>
          ))}
          {editable && (
            <Group
              justify="flex-end"
              pos="sticky"
              bottom={0}
              py="sm"
              style={{ background: 'white', borderTop: '1px solid #dee2e6' }}
            >
              {changed.length > 0 && (
                <Text size="sm" role="status">
                  {t('governance.surveys.round.unsaved', { count: changed.length })}
                </Text>
              )}
              <Button
                type="submit"
                loading={save.isPending}
                disabled={changed.length === 0}
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              >
                {t('governance.surveys.round.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <Dialog
        opened={dialog === 'submit'}
        onClose={() => setDialog(null)}
        title={t('governance.surveys.round.submit')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('governance.surveys.round.submitConfirm')}</Text>
          <ProblemAlert error={submit.error} onReload={onReload} />
          <DialogFooter
            onCancel={() => setDialog(null)}
            label={t('governance.surveys.round.submit')}
            loading={submit.isPending}
            onConfirm={() => submit.mutate()}
          />
        </Stack>
      </Dialog>
      <Dialog
        opened={dialog === 'reopen'}
        onClose={() => setDialog(null)}
        title={t('governance.surveys.round.reopenTitle')}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            reopen.mutate();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Text size="sm">{t('governance.surveys.round.reopenHelp')}</Text>
            <ProblemAlert error={reopen.error} fields={['reason']} onReload={onReload} />
            <Textarea
              label={t('common.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              autosize
              minRows={2}
              data-autofocus
            />
            <DialogFooter
              onCancel={() => setDialog(null)}
              label={t('governance.surveys.round.reopen')}
              loading={reopen.isPending}
            />
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
