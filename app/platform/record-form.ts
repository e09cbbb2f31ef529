import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import { useClientErrors } from './dialogs.tsx';
import { useEditBase } from './edit-base.ts';
import { useFieldErrors } from './errors.tsx';
import { changedFields, focusFirstInvalid, type validate } from './form.ts';
import { notifySuccess } from './notify.ts';

// The state of a create-or-edit dialog for a record: values reset when it opens, client-side
// validation, a POST to create or a PATCH of the changed fields with the version the edit was
// based on, and the server's field errors. A 409 offers to reload instead of overwriting.

interface SavedRecord {
  id: string;
  version: number;
}

export function useRecordForm<R extends SavedRecord, V, P extends Record<string, unknown>>({
  opened,
  onClose,
  record,
  initial,
  collection,
  payload,
  createOnly,
  before,
  schema,
  invalidate,
  createdMessage,
  onCreated,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  /** The record to edit; null to create one. */
  record: R | null;
  /** The form's values when it opens. */
  initial: () => V;
  /** e.g. /api/v1/units */
  collection: string;
  /** What is sent, from the values: the fields an edit may change. */
  payload: (values: V) => P;
  /** What is sent as well when creating (e.g. where the record is placed). */
  createOnly: (values: V) => Record<string, unknown>;
  /** The record's current values of the payload's fields. */
  before: (record: R) => P;
  /** Checked before sending what is created (edits send a part of the same). */
  schema: Parameters<typeof validate>[0];
  invalidate: () => Promise<unknown>;
  createdMessage: (saved: R) => string;
  onCreated: (saved: R) => Promise<unknown>;
  /** Reload the record after a version conflict. */
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const client = useClientErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const { base, rebase } = useEditBase(opened, record);

  // Fresh values when the form opens, and when the record was reloaded after a version conflict
  // (initial() reads the record, which is the base at those two moments).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened or reloaded, not on every render
  useEffect(() => {
    if (opened) setValues(initial());
  }, [opened, base?.version]);

  const save = useMutation({
    mutationFn: async () => {
      if (base === null) return api.post<R>(collection, { ...payload(values), ...createOnly(values) });
      return api.patch<R>(`${collection}/${base.id}`, {
        version: base.version,
        ...changedFields(before(base), payload(values)),
      });
    },
    onSuccess: async (saved) => {
      await invalidate();
      notifySuccess(record === null ? createdMessage(saved) : t('common.saved'));
      close();
      if (record === null) await onCreated(saved);
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const serverErrors = useFieldErrors(save.error);
  const errors: Record<string, string> = { ...serverErrors, ...client.errors };

  function close() {
    save.reset();
    client.clear();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (client.check(schema, { ...payload(values), ...createOnly(values) })) save.mutate();
    else focusFirstInvalid(formRef.current);
  }

  const reload = onReload
    ? async () => {
        await rebase(onReload);
        save.reset();
      }
    : undefined;

  return { values, setValues, errors, creating: record === null, formRef, save, close, submit, reload };
}
