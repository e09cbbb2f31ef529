import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type DecisionClass,
  decisionClasses,
  type Forum,
  type ForumKind,
  forumCreate,
  forumKinds,
} from '../../../../shared/governance/forums.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { type Named, PersonSelect } from '../../desk/inputs.tsx';
import { useGovernanceInvalidate } from '../api.ts';

// Creating and changing a forum: its kind and cadence, mandate, the three officers, the members
// with their deputies (people of the directory) and the classes of decision it takes. Edits carry
// their version; a PATCH names the whole list of members.

interface MemberValue {
  /** A key for React while rows are added and removed. */
  key: number;
  person: Named | null;
  deputy: Named | null;
}

interface ForumValues {
  name: string;
  kind: ForumKind;
  meetingsPerYear: number | string;
  meetingsPerYearMax: number | string;
  mandate: string;
  chair: Named | null;
  convener: Named | null;
  secretary: Named | null;
  members: MemberValue[];
  decisionClasses: DecisionClass[];
}

let nextKey = 1;

function valuesOf(f: Forum | null): ForumValues {
  return {
    name: f?.name ?? '',
    kind: f?.kind ?? 'steeringGroup',
    meetingsPerYear: f?.meetingsPerYear ?? 4,
    meetingsPerYearMax: f?.meetingsPerYearMax ?? '',
    mandate: f?.mandate ?? '',
    chair: f?.chair ?? null,
    convener: f?.convener ?? null,
    secretary: f?.secretary ?? null,
    members: (f?.members ?? []).map((m) => ({
      key: nextKey++,
      person: { id: m.personId, name: m.name },
      deputy: m.deputyId ? { id: m.deputyId, name: m.deputyName ?? '' } : null,
    })),
    decisionClasses: f?.decisionClasses ?? [],
  };
}

const fields = [
  'name',
  'kind',
  'meetingsPerYear',
  'meetingsPerYearMax',
  'mandate',
  'chairId',
  'convenerId',
  'secretaryId',
  'members',
  'decisionClasses',
];

const toNumber = (v: number | string) => (v === '' ? null : Number(v));

export function ForumFormModal({
  opened,
  onClose,
  forum,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  forum: Forum | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useGovernanceInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: forum,
    initial: () => valuesOf(forum),
    collection: '/api/v1/forums',
    payload: (v: ForumValues) => ({
      name: v.name.trim(),
      kind: v.kind,
      meetingsPerYear: toNumber(v.meetingsPerYear) ?? 0,
      meetingsPerYearMax: toNumber(v.meetingsPerYearMax),
      mandate: orNull(v.mandate),
      chairId: v.chair?.id ?? null,
      convenerId: v.convener?.id ?? null,
      secretaryId: v.secretary?.id ?? null,
      members: v.members
        .filter((m) => m.person)
        .map((m) => ({ personId: m.person!.id, deputyId: m.deputy?.id ?? null })),
      decisionClasses: v.decisionClasses,
    }),
    createOnly: () => ({}),
    before: (f) => ({
      name: f.name,
      kind: f.kind,
      meetingsPerYear: f.meetingsPerYear,
      meetingsPerYearMax: f.meetingsPerYearMax,
      mandate: f.mandate,
      chairId: f.chair?.id ?? null,
      convenerId: f.convener?.id ?? null,
      secretaryId: f.secretary?.id ?? null,
      members: f.members.map((m) => ({ personId: m.personId, deputyId: m.deputyId })),
      decisionClasses: f.decisionClasses,
    }),
    schema: forumCreate,
    invalidate,
    createdMessage: (saved) => t('governance.forums.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/governance/forums/$forumId', params: { forumId: saved.id } }),
    onReload,
  });
  const field = (name: string) => t(`governance.forums.field.${name}`);
  const set =
    <K extends keyof ForumValues>(key: K) =>
    (value: ForumValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const setMember = (key: number, patch: Partial<MemberValue>) =>
    setValues((v) => ({ ...v, members: v.members.map((m) => (m.key === key ? { ...m, ...patch } : m)) }));

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('governance.forums.createTitle') : t('governance.forums.editTitle')}
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={fields}
            onReload={reload ? () => void reload() : undefined}
          />
          <TextInput
            label={field('name')}
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
            required
            maxLength={120}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={field('kind')}
              data={forumKinds.map((k) => ({ value: k, label: t(`governance.forums.kind.${k}`) }))}
              value={values.kind}
              onChange={(v) => v && set('kind')(v as ForumKind)}
              error={errors.kind}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={field('meetingsPerYear')}
              value={values.meetingsPerYear}
              onChange={set('meetingsPerYear')}
              error={errors.meetingsPerYear}
              min={0}
              max={365}
              allowDecimal={false}
              required
            />
            <NumberInput
              label={field('meetingsPerYearMax')}
              value={values.meetingsPerYearMax}
              onChange={set('meetingsPerYearMax')}
              error={errors.meetingsPerYearMax}
              min={0}
              max={365}
              allowDecimal={false}
            />
          </SimpleGrid>
          <Textarea
            label={field('mandate')}
            value={values.mandate}
            onChange={(e) => set('mandate')(e.currentTarget.value)}
            error={errors.mandate}
            autosize
            minRows={3}
            maxLength={8000}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <PersonSelect
              label={field('chair')}
              value={values.chair}
              onChange={set('chair')}
              error={errors.chairId}
            />
            <PersonSelect
              label={field('convener')}
              value={values.convener}
              onChange={set('convener')}
              error={errors.convenerId}
            />
            <PersonSelect
              label={field('secretary')}
              value={values.secretary}
              onChange={set('secretary')}
              error={errors.secretaryId}
            />
          </SimpleGrid>
          <Fieldset legend={field('members')}>
            <Stack gap="xs">
              {values.members.map((m, index) => (
                <Group key={m.key} align="flex-end" wrap="nowrap" gap="sm">
                  <PersonSelect
                    label={t('governance.forums.member', { index: index + 1 })}
                    value={m.person}
                    onChange={(person) => setMember(m.key, { person })}
                    style={{ flex: 1 }}
                  />
                  <PersonSelect
                    label={t('governance.forums.deputy', { index: index + 1 })}
                    value={m.deputy}
                    onChange={(deputy) => setMember(m.key, { deputy })}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    size="lg"
                    mb={4}
                    aria-label={t('governance.forums.removeMember', { index: index + 1 })}
                    onClick={() =>
                      setValues((v) => ({ ...v, members: v.members.filter((x) => x.key !== m.key) }))
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              {errors.members && (
                <Text c="red.8" size="sm" id="forum-members-error">
                  {errors.members}
                </Text>
              )}
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() =>
                    setValues((v) => ({
                      ...v,
                      members: [...v.members, { key: nextKey++, person: null, deputy: null }],
                    }))
                  }
                >
                  {t('governance.forums.addMember')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Checkbox.Group
            label={field('decisionClasses')}
            value={values.decisionClasses}
            onChange={(v) => set('decisionClasses')(v as DecisionClass[])}
            error={errors.decisionClasses}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {decisionClasses.map((c) => (
                <Checkbox key={c} value={c} label={t(`governance.forums.decisionClass.${c}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <DialogFooter
            onCancel={close}
            label={creating ? t('governance.forums.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
