import {
  ActionIcon,
  Autocomplete,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type Decision,
  type DecisionLinkInput,
  type DecisionStatus,
  decisionCreate,
  decisionStatuses,
  registrationExample,
} from '../../../../shared/governance/decisions.ts';
import { ApiError } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { type Named, PersonSelect, RemoteSelect, SystemSelect } from '../../desk/inputs.tsx';
import { useDecisionBodies, useGovernanceInvalidate, useGovernanceSettings } from '../api.ts';

// Recording and changing a decision: the body (a forum, or an external body typed by hand with
// the ones used before suggested), date, §, subject, text, diarienummer (its patterns shown), the
// execution status with a responsible person and a follow-up date, and the systems it concerns.
// A § already taken by the body that year is said in words beside the field (the server's 409).

type BodyKind = 'forum' | 'external';

interface DecisionValues {
  bodyKind: BodyKind;
  forum: Named | null;
  body: string;
  decidedOn: string | undefined;
  paragraph: number | string;
  title: string;
  text: string;
  registrationNumber: string;
  status: DecisionStatus;
  responsible: Named | null;
  followUpOn: string | undefined;
  systems: Named[];
  /** Links of other kinds, kept as they are. */
  otherLinks: DecisionLinkInput[];
  systemToAdd: Named | null;
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

function valuesOf(d: Decision | null, forum: Named | null): DecisionValues {
  return {
    bodyKind: d ? (d.forumId ? 'forum' : 'external') : 'forum',
    forum: d?.forumId ? { id: d.forumId, name: d.forumName ?? '' } : forum,
    body: d?.body ?? '',
    decidedOn: d?.decidedOn ?? today(),
    paragraph: d?.paragraph ?? '',
    title: d?.title ?? '',
    text: d?.text ?? '',
    registrationNumber: d?.registrationNumber ?? '',
    status: d?.status ?? 'notStarted',
    responsible: d?.responsibleId ? { id: d.responsibleId, name: d.responsibleName ?? '' } : null,
    followUpOn: d?.followUpOn ?? undefined,
    systems: (d?.links ?? [])
      .filter((l) => l.kind === 'system')
      .map((l) => ({ id: l.id, name: l.name ?? l.id })),
    otherLinks: (d?.links ?? []).filter((l) => l.kind !== 'system').map((l) => ({ kind: l.kind, id: l.id })),
    systemToAdd: null,
  };
}

const fields = [
  'forumId',
  'body',
  'decidedOn',
  'paragraph',
  'title',
  'text',
  'registrationNumber',
  'status',
  'responsibleId',
  'followUpOn',
  'links',
];

export function DecisionFormModal({
  opened,
  onClose,
  decision,
  forum = null,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  decision: Decision | null;
  /** The forum a new decision is recorded for (from the forum's page). */
  forum?: Named | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useGovernanceInvalidate();
  const settings = useGovernanceSettings();
  const bodies = useDecisionBodies();
  const patterns = settings.data?.registrationPatterns ?? [];
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: decision,
    initial: () => valuesOf(decision, forum),
    collection: '/api/v1/decisions',
    payload: (v: DecisionValues) => ({
      forumId: v.bodyKind === 'forum' ? (v.forum?.id ?? null) : null,
      body: v.bodyKind === 'external' ? orNull(v.body) : null,
      decidedOn: v.decidedOn ?? '',
      paragraph: v.paragraph === '' ? 0 : Number(v.paragraph),
      title: orNull(v.title),
      text: v.text,
      registrationNumber: orNull(v.registrationNumber),
      status: v.status,
      responsibleId: v.responsible?.id ?? null,
      followUpOn: v.followUpOn ?? null,
      links: [...v.systems.map((s) => ({ kind: 'system' as const, id: s.id })), ...v.otherLinks],
    }),
    createOnly: () => ({}),
    before: (d) => ({
      forumId: d.forumId,
      body: d.body,
      decidedOn: d.decidedOn,
      paragraph: d.paragraph,
      title: d.title,
      text: d.text,
      registrationNumber: d.registrationNumber,
      status: d.status,
      responsibleId: d.responsibleId,
      followUpOn: d.followUpOn,
      links: d.links.map((l) => ({ kind: l.kind, id: l.id })),
    }),
    schema: decisionCreate,
    invalidate,
    createdMessage: (saved) =>
      t('governance.decisions.created', {
        reference: t('governance.decisions.reference', {
          body: saved.bodyName,
          date: saved.decidedOn,
          paragraph: saved.paragraph,
        }),
      }),
    onCreated: (saved) =>
      navigate({ to: '/governance/decisions/$decisionId', params: { decisionId: saved.id } }),
    onReload,
  });
  const field = (name: string) => t(`governance.decisions.field.${name}`);
  const set =
    <K extends keyof DecisionValues>(key: K) =>
    (value: DecisionValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  // The server's words for a taken § and a diarienummer off the pattern, said in the UI's language.
  const serverError = save.error instanceof ApiError ? save.error : null;
  const paragraphTaken =
    serverError?.status === 409 && serverError.errors.some((e) => e.path === 'body.paragraph');
  const paragraphError = paragraphTaken
    ? t('governance.decisions.duplicateParagraph', {
        paragraph: values.paragraph,
        body: values.bodyKind === 'forum' ? (values.forum?.name ?? '') : values.body,
        year: (values.decidedOn ?? '').slice(0, 4),
      })
    : errors.paragraph;
  const registrationError =
    serverError?.status === 400 && serverError.errors.some((e) => e.path === 'body.registrationNumber')
      ? t('governance.decisions.badRegistration', {
          example: patterns.map((p) => registrationExample(p)).join(', '),
        })
      : errors.registrationNumber;

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('governance.decisions.createTitle') : t('governance.decisions.editTitle')}
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {!paragraphTaken && (
            <ProblemAlert
              error={save.error}
              fields={fields}
              onReload={reload ? () => void reload() : undefined}
            />
          )}
          <Stack gap={4}>
            <Text component="span" size="sm" fw={500} id="decision-body-kind">
              {t('governance.decisions.bodyKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="decision-body-kind"
              value={values.bodyKind}
              onChange={(v) => set('bodyKind')(v as BodyKind)}
              data={[
                { value: 'forum', label: t('governance.decisions.bodyForum') },
                { value: 'external', label: t('governance.decisions.bodyExternal') },
              ]}
              w="fit-content"
            />
          </Stack>
          {values.bodyKind === 'forum' ? (
            <RemoteSelect
              path="/api/v1/forums"
              labelOf={(f) => String(f.name)}
              label={field('forum')}
              value={values.forum}
              onChange={set('forum')}
              error={errors.forumId}
              required
            />
          ) : (
            <Autocomplete
              label={field('externalBody')}
              description={t('governance.decisions.bodyHelp')}
              data={bodies.data?.items ?? []}
              value={values.body}
              onChange={set('body')}
              error={errors.body}
              required
              maxLength={120}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField
              label={field('decidedOn')}
              value={values.decidedOn}
              onChange={set('decidedOn')}
              error={errors.decidedOn}
              required
            />
            <NumberInput
              label={field('paragraph')}
              value={values.paragraph}
              onChange={set('paragraph')}
              error={paragraphError}
              min={1}
              max={99999}
              allowDecimal={false}
              thousandSeparator=""
              required
            />
            <TextInput
              label={field('registrationNumber')}
              description={t('governance.decisions.registrationHelp', {
                patterns: patterns.map((p) => registrationExample(p)).join(', '),
              })}
              value={values.registrationNumber}
              onChange={(e) => set('registrationNumber')(e.currentTarget.value)}
              error={registrationError}
              maxLength={60}
            />
          </SimpleGrid>
          <TextInput
            label={field('title')}
            value={values.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
            maxLength={300}
          />
          <Textarea
            label={field('text')}
            value={values.text}
            onChange={(e) => set('text')(e.currentTarget.value)}
            error={errors.text}
            autosize
            minRows={4}
            maxLength={20000}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={field('status')}
              data={decisionStatuses.map((s) => ({ value: s, label: t(`governance.decisions.status.${s}`) }))}
              value={values.status}
              onChange={(v) => v && set('status')(v as DecisionStatus)}
              error={errors.status}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <PersonSelect
              label={field('responsible')}
              value={values.responsible}
              onChange={set('responsible')}
              error={errors.responsibleId}
            />
            <DateField
              label={field('followUpOn')}
              value={values.followUpOn}
              onChange={set('followUpOn')}
              error={errors.followUpOn}
            />
          </SimpleGrid>
          <Stack gap="xs">
            <SystemSelect
              label={field('system')}
              value={values.systemToAdd}
              onChange={(s) =>
                setValues((v) => ({
                  ...v,
                  systemToAdd: null,
                  systems: s && !v.systems.some((x) => x.id === s.id) ? [...v.systems, s] : v.systems,
                }))
              }
              error={errors.links}
            />
            {values.systems.length > 0 && (
              <List size="sm" listStyleType="none" spacing={4}>
                {values.systems.map((s) => (
                  <List.Item key={s.id}>
                    <Group gap="xs">
                      <Text span size="sm">
                        {s.name}
                      </Text>
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        size="sm"
                        aria-label={t('governance.decisions.removeSystem', { name: s.name })}
                        onClick={() =>
                          setValues((v) => ({ ...v, systems: v.systems.filter((x) => x.id !== s.id) }))
                        }
                      >
                        <IconTrash size={14} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
          <DialogFooter
            onCancel={close}
            label={creating ? t('governance.decisions.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
