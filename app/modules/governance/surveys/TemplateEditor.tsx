import { ActionIcon, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type NamedScale,
  namedScales,
  type QuestionKind,
  questionKinds,
  type ScaleStep,
  type SurveyTemplate,
} from '../../../../shared/governance/surveys.ts';
import { ApiError, api } from '../../../platform/api.ts';
import { ProblemAlert, translateMessage } from '../../../platform/errors.tsx';
import { focusFirstInvalid } from '../../../platform/form.ts';
import { Loading } from '../../../platform/Loading.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { isNotFound, RecordFallback } from '../../../platform/record-actions.tsx';
import { useGovernanceInvalidate } from '../api.ts';
import { useSurveyTemplate } from './api.ts';

// The template editor: title, description and sections of ordered questions, each with its help
// text and how it is answered (a named scale, yes/no or free text). The server decides whether a
// change makes a new revision (when a round answered the current one); the page says so.

interface QuestionDraft {
  id?: string;
  text: string;
  help: string;
  kind: QuestionKind;
  /** A named scale, or `own` for the steps the template already has. */
  scaleName: NamedScale | 'own';
  scale: ScaleStep[] | null;
}
interface SectionDraft {
  id?: string;
  title: string;
  questions: QuestionDraft[];
}

const sameSteps = (a: readonly ScaleStep[], b: readonly ScaleStep[]) =>
  a.length === b.length && a.every((s, i) => s.value === b[i]!.value && s.label === b[i]!.label);

function draftOf(template: SurveyTemplate | undefined): {
  title: string;
  description: string;
  sections: SectionDraft[];
} {
  if (!template)
    return {
      title: '',
      description: '',
      sections: [
        {
          title: '',
          questions: [{ text: '', help: '', kind: 'scale', scaleName: 'maturity5', scale: null }],
        },
      ],
    };
  return {
    title: template.title,
    description: template.description ?? '',
    sections: template.sections.map((s) => ({
      id: s.id,
      title: s.title,
      questions: s.questions.map((q) => ({
        id: q.id,
        text: q.text,
        help: q.help ?? '',
        kind: q.kind,
        scale: q.scale,
        scaleName: q.scale
          ? ((Object.keys(namedScales) as NamedScale[]).find((k) => sameSteps(namedScales[k], q.scale!)) ??
            'own')
          : 'maturity5',
      })),
    })),
  };
}

export function TemplateEditorPage() {
  const { templateId } = useParams({ strict: false }) as { templateId?: string };
  const query = useSurveyTemplate(templateId);
  if (templateId && !query.data)
    return isNotFound(query.error) || query.error ? <RecordFallback error={query.error} /> : <Loading />;
  return <TemplateEditor key={query.data?.version ?? 'new'} template={query.data} />;
}

function TemplateEditor({ template }: { template?: SurveyTemplate }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useGovernanceInvalidate();
  const [draft, setDraft] = useState(() => draftOf(template));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: draft.title,
        description: draft.description.trim() ? draft.description : null,
        sections: draft.sections.map((s) => ({
          ...(s.id ? { id: s.id } : {}),
          title: s.title,
          questions: s.questions.map((q) => ({
            ...(q.id ? { id: q.id } : {}),
            text: q.text,
            help: q.help.trim() ? q.help : null,
            kind: q.kind,
            scale:
              q.kind !== 'scale' ? null : q.scaleName === 'own' ? q.scale : [...namedScales[q.scaleName]],
          })),
        })),
      };
      return template
        ? api.patch<SurveyTemplate>(`/api/v1/surveys/${template.id}`, { version: template.version, ...body })
        : api.post<SurveyTemplate>('/api/v1/surveys', body);
    },
    onSuccess: async (saved) => {
      await invalidate();
      notifySuccess(t('governance.surveys.editor.saved'));
      void navigate({ to: '/governance/surveys/$templateId', params: { templateId: saved.id } });
    },
    onError: () => focusFirstInvalid(document.querySelector<HTMLFormElement>('form#survey-template')),
  });
  // The platform's field errors keep the first segment of a path; the editor's fields are nested.
  const errors: Record<string, string> = {};
  if (save.error instanceof ApiError)
    for (const x of save.error.errors) {
      const path = x.path.replace(/^body\.?/, '');
      errors[path] ??= translateMessage(t, x.message);
    }
  const e = (path: string) => errors[path];
  const setSection = (si: number, change: Partial<SectionDraft>) =>
    setDraft((d) => ({ ...d, sections: d.sections.map((s, i) => (i === si ? { ...s, ...change } : s)) }));
  const setQuestion = (si: number, qi: number, change: Partial<QuestionDraft>) =>
    setSection(si, {
      questions: draft.sections[si]!.questions.map((q, i) => (i === qi ? { ...q, ...change } : q)),
    });
  const moveQuestion = (si: number, qi: number, by: number) => {
    const list = [...draft.sections[si]!.questions];
    const [q] = list.splice(qi, 1);
    list.splice(qi + by, 0, q!);
    setSection(si, { questions: list });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const title = template
    ? t('governance.surveys.editor.editTitle', { title: template.title })
    : t('governance.surveys.editor.newTitle');
  const scaleOptions = (q: QuestionDraft) => [
    ...(Object.keys(namedScales) as NamedScale[]).map((k) => ({
      value: k,
      label: t(`governance.surveys.namedScale.${k}`),
    })),
    ...(q.scale && q.scaleName === 'own'
      ? [
          {
            value: 'own',
            label: t('governance.surveys.editor.ownScale', {
              labels: q.scale.map((s) => s.label).join(', '),
            }),
          },
        ]
      : []),
  ];
  let number = 0;

  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.surveys.title'), to: '/governance/surveys' },
          { label: title },
        ]}
      />
      <form id="survey-template" onSubmit={submit} noValidate>
        <Stack gap="md">
          <ProblemAlert error={save.error} fields={Object.keys(errors)} />
          {template && (
            <Text size="sm">{t('governance.surveys.revisionNote', { revision: template.revision })}</Text>
          )}
          <Section id="template-basics" title={t('governance.surveys.details')}>
            <Stack gap="sm">
              <TextInput
                label={t('governance.surveys.field.title')}
                value={draft.title}
                onChange={(ev) => setDraft({ ...draft, title: ev.currentTarget.value })}
                error={e('title')}
                required
              />
              <Textarea
                label={t('governance.surveys.field.description')}
                value={draft.description}
                onChange={(ev) => setDraft({ ...draft, description: ev.currentTarget.value })}
                error={e('description')}
                autosize
                minRows={2}
              />
            </Stack>
          </Section>
          {draft.sections.map((section, si) => (
            <Section
              key={section.id ?? `new-${si}`}
              id={`template-section-${si}`}
              title={t('governance.surveys.editor.section', { n: si + 1 })}
              actions={
                draft.sections.length > 1 ? (
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() =>
                      setDraft({ ...draft, sections: draft.sections.filter((_, i) => i !== si) })
                    }
                  >
                    {t('governance.surveys.editor.removeSection', { n: si + 1 })}
                  </Button>
                ) : undefined
              }
            >
              <Stack gap="md">
                <TextInput
                  label={t('governance.surveys.editor.sectionTitle')}
                  value={section.title}
                  onChange={(ev) => setSection(si, { title: ev.currentTarget.value })}
                  error={e(`sections.${si}.title`)}
                  required
                />
                {section.questions.map((q, qi) => {
                  number += 1;
                  const n = number;
                  const at = `sections.${si}.questions.${qi}`;
                  return (
                    <Stack
                      key={q.id ?? `new-${qi}`}
                      gap="xs"
                      component="fieldset"
                      style={{ border: '1px solid #ced4da', borderRadius: 4, padding: 12, margin: 0 }}
                    >
                      <Text component="legend" size="sm" fw={600} px={4}>
                        {t('governance.surveys.editor.question', { n })}
                      </Text>
                      <TextInput
                        label={t('governance.surveys.editor.questionText')}
                        value={q.text}
                        onChange={(ev) => setQuestion(si, qi, { text: ev.currentTarget.value })}
                        error={e(`${at}.text`)}
                        required
                      />
                      <Textarea
                        label={t('governance.surveys.editor.help')}
                        value={q.help}
                        onChange={(ev) => setQuestion(si, qi, { help: ev.currentTarget.value })}
                        error={e(`${at}.help`)}
                        autosize
                        minRows={1}
                      />
                      <Group align="flex-end" gap="sm">
                        <Select
                          label={t('governance.surveys.editor.kind')}
                          data={questionKinds.map((k) => ({
                            value: k,
                            label: t(`governance.surveys.kind.${k}`),
                          }))}
                          value={q.kind}
                          onChange={(v) => v && setQuestion(si, qi, { kind: v as QuestionKind })}
                          allowDeselect={false}
                          w={200}
                        />
                        {q.kind === 'scale' && (
                          <Select
                            label={t('governance.surveys.editor.scale')}
                            data={scaleOptions(q)}
                            value={q.scaleName}
                            onChange={(v) => v && setQuestion(si, qi, { scaleName: v as NamedScale | 'own' })}
                            allowDeselect={false}
                            error={e(`${at}.scale`)}
                            w={380}
                          />
                        )}
                        <Group gap={4} ml="auto">
                          <ActionIcon
                            variant="default"
                            size="lg"
                            aria-label={t('governance.surveys.editor.moveUp', { n })}
                            disabled={qi === 0}
                            onClick={() => moveQuestion(si, qi, -1)}
                          >
                            <IconArrowUp size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="default"
                            size="lg"
                            aria-label={t('governance.surveys.editor.moveDown', { n })}
                            disabled={qi === section.questions.length - 1}
                            onClick={() => moveQuestion(si, qi, 1)}
                          >
                            <IconArrowDown size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="default"
                            size="lg"
                            aria-label={t('governance.surveys.editor.removeQuestion', { n })}
                            disabled={section.questions.length === 1}
                            onClick={() =>
                              setSection(si, { questions: section.questions.filter((_, i) => i !== qi) })
                            }
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </Group>
                    </Stack>
                  );
                })}
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() =>
                      setSection(si, {
                        questions: [
                          ...section.questions,
                          { text: '', help: '', kind: 'scale', scaleName: 'maturity5', scale: null },
                        ],
                      })
                    }
                  >
                    {t('governance.surveys.editor.addQuestion')}
                  </Button>
                </Group>
              </Stack>
            </Section>
          ))}
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() =>
                setDraft({
                  ...draft,
                  sections: [
                    ...draft.sections,
                    {
                      title: '',
                      questions: [{ text: '', help: '', kind: 'scale', scaleName: 'maturity5', scale: null }],
                    },
                  ],
                })
              }
            >
              {t('governance.surveys.editor.addSection')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('governance.surveys.editor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
