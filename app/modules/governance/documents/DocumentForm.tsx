import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type DocumentKind,
  type DocumentStatus,
  documentCreate,
  documentKinds,
  documentStatuses,
  type GoverningDocument,
} from '../../../../shared/governance/documents.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { type Named, PersonSelect, RemoteSelect } from '../../desk/inputs.tsx';
import { useGovernanceInvalidate } from '../api.ts';

// Creating and changing a governing document: kind, title, status, owner, the decision that
// adopted it, validity, the review cycle (the next review counted from the interval when left
// empty) and the document it sits under. Edits carry their version.

interface DocumentValues {
  kind: DocumentKind;
  title: string;
  status: DocumentStatus;
  description: string;
  owner: Named | null;
  adoptedBy: Named | null;
  validFrom: string | undefined;
  validTo: string | undefined;
  reviewIntervalMonths: number | string;
  nextReviewOn: string | undefined;
  reviewReminderDays: number | string;
  parent: Named | null;
}

function valuesOf(d: GoverningDocument | null): DocumentValues {
  return {
    kind: d?.kind ?? 'guideline',
    title: d?.title ?? '',
    status: d?.status ?? 'draft',
    description: d?.description ?? '',
    owner: d?.owner ?? null,
    adoptedBy: d?.adoptedBy ?? null,
    validFrom: d?.validFrom ?? undefined,
    validTo: d?.validTo ?? undefined,
    reviewIntervalMonths: d?.reviewIntervalMonths ?? '',
    nextReviewOn: d?.nextReviewOn ?? undefined,
    reviewReminderDays: d?.reviewReminderDays ?? 30,
    parent: d?.parent ?? null,
  };
}

const fields = [
  'kind',
  'title',
  'status',
  'description',
  'ownerId',
  'adoptedById',
  'validFrom',
  'validTo',
  'reviewIntervalMonths',
  'nextReviewOn',
  'reviewReminderDays',
  'parentId',
];

const toNumber = (v: number | string) => (v === '' ? null : Number(v));

export function DocumentFormModal({
  opened,
  onClose,
  document,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  document: GoverningDocument | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useGovernanceInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: document,
    initial: () => valuesOf(document),
    collection: '/api/v1/documents',
    payload: (v: DocumentValues) => ({
      kind: v.kind,
      title: v.title.trim(),
      status: v.status,
      description: orNull(v.description),
      ownerId: v.owner?.id ?? null,
      adoptedById: v.adoptedBy?.id ?? null,
      validFrom: v.validFrom ?? null,
      validTo: v.validTo ?? null,
      reviewIntervalMonths: toNumber(v.reviewIntervalMonths),
      nextReviewOn: v.nextReviewOn ?? null,
      reviewReminderDays: toNumber(v.reviewReminderDays) ?? 30,
      parentId: v.parent?.id ?? null,
    }),
    createOnly: () => ({}),
    before: (d) => ({
      kind: d.kind,
      title: d.title,
      status: d.status,
      description: d.description,
      ownerId: d.owner?.id ?? null,
      adoptedById: d.adoptedBy?.id ?? null,
      validFrom: d.validFrom,
      validTo: d.validTo,
      reviewIntervalMonths: d.reviewIntervalMonths,
      nextReviewOn: d.nextReviewOn,
      reviewReminderDays: d.reviewReminderDays,
      parentId: d.parent?.id ?? null,
    }),
    schema: documentCreate,
    invalidate,
    createdMessage: (saved) => t('governance.documents.created', { name: saved.title }),
    onCreated: (saved) =>
      navigate({ to: '/governance/documents/$documentId', params: { documentId: saved.id } }),
    onReload,
  });
  const field = (name: string) => t(`governance.documents.field.${name}`);
  const set =
    <K extends keyof DocumentValues>(key: K) =>
    (value: DocumentValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('governance.documents.createTitle') : t('governance.documents.editTitle')}
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
            label={field('title')}
            value={values.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
            required
            maxLength={200}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={field('kind')}
              data={documentKinds.map((k) => ({ value: k, label: t(`governance.documents.kind.${k}`) }))}
              value={values.kind}
              onChange={(v) => v && set('kind')(v as DocumentKind)}
              error={errors.kind}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={field('status')}
              data={documentStatuses.map((s) => ({ value: s, label: t(`governance.documents.status.${s}`) }))}
              value={values.status}
              onChange={(v) => v && set('status')(v as DocumentStatus)}
              error={errors.status}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Textarea
            label={field('description')}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <PersonSelect
              label={field('owner')}
              value={values.owner}
              onChange={set('owner')}
              error={errors.ownerId}
            />
            <RemoteSelect
              path="/api/v1/decisions"
              labelOf={(d) => `${String(d.bodyName)} ${String(d.decidedOn)} § ${String(d.paragraph)}`}
              label={field('adoptedBy')}
              value={values.adoptedBy}
              onChange={set('adoptedBy')}
              error={errors.adoptedById}
            />
            <RemoteSelect
              path="/api/v1/documents"
              labelOf={(d) => String(d.title)}
              label={field('parent')}
              value={values.parent}
              onChange={set('parent')}
              error={errors.parentId}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={field('validFrom')}
              value={values.validFrom}
              onChange={set('validFrom')}
              error={errors.validFrom}
            />
            <DateField
              label={field('validTo')}
              value={values.validTo}
              onChange={set('validTo')}
              error={errors.validTo}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={field('reviewIntervalMonths')}
              value={values.reviewIntervalMonths}
              onChange={set('reviewIntervalMonths')}
              error={errors.reviewIntervalMonths}
              min={1}
              max={120}
              allowDecimal={false}
            />
            <DateField
              label={field('nextReviewOn')}
              value={values.nextReviewOn}
              onChange={set('nextReviewOn')}
              error={errors.nextReviewOn}
            />
            <NumberInput
              label={field('reviewReminderDays')}
              value={values.reviewReminderDays}
              onChange={set('reviewReminderDays')}
              error={errors.reviewReminderDays}
              min={0}
              max={365}
              allowDecimal={false}
            />
          </SimpleGrid>
          <DialogFooter
            onCancel={close}
            label={creating ? t('governance.documents.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
