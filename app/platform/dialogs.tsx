import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ComponentProps, type FormEvent, type ReactNode, type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { archiveBody } from '../../shared/records.ts';
import { api } from './api.ts';
import { useEditBase } from './edit-base.ts';
import { ProblemAlert, translateMessage, useFieldErrors } from './errors.tsx';
import { focusFirstInvalid, validate } from './form.ts';
import { notifySuccess } from './notify.ts';

// Shared building blocks for record dialogs: a modal with a translated close button, the
// cancel/submit footer, a form dialog that puts them together with the problem alert, client-side validation with translated messages, and the archive, move
// and restore actions every record module has.

/** A Mantine Modal whose close button is labelled in the current language. */
export function Dialog(props: Omit<ComponentProps<typeof Modal>, 'closeButtonProps'>) {
  const { t } = useTranslation();
  return <Modal {...props} closeButtonProps={{ 'aria-label': t('common.close') }} />;
}

/** Cancel and a primary button, right-aligned. Submits the form unless onConfirm is given. */
export function DialogFooter({
  onCancel,
  label,
  loading,
  disabled,
  color,
  mt,
  onConfirm,
}: {
  onCancel: () => void;
  label: string;
  loading?: boolean;
  disabled?: boolean;
  color?: string;
  mt?: ComponentProps<typeof Group>['mt'];
  /** A plain (autofocused) button instead of a submit button. */
  onConfirm?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      {onConfirm ? (
        <Button color={color} loading={loading} disabled={disabled} onClick={onConfirm} data-autofocus>
          {label}
        </Button>
      ) : (
        <Button type="submit" color={color} loading={loading} disabled={disabled}>
          {label}
        </Button>
      )}
    </Group>
  );
}

/**
 * A dialog holding one form: an optional help text, the request's problem (field errors of
 * `fields` stay beside their fields; a version conflict offers "Läs in igen" when onReload is
 * given), the fields, and the cancel/submit footer. The form is not validated by the browser:
 * the caller's onSubmit checks and focuses the first invalid field.
 */
export function FormDialog({
  opened,
  onClose,
  title,
  size = 'lg',
  formRef,
  onSubmit,
  help,
  error,
  fields,
  onReload,
  submitLabel,
  loading,
  disabled,
  color,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ComponentProps<typeof Modal>['size'];
  formRef?: Ref<HTMLFormElement>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** A sentence above the form (dimmed). */
  help?: ReactNode;
  error: unknown;
  /** The fields the form shows errors beside (as in ProblemAlert). */
  fields?: readonly string[];
  onReload?: () => void;
  submitLabel: string;
  loading?: boolean;
  disabled?: boolean;
  color?: string;
  children: ReactNode;
}) {
  return (
    <Dialog opened={opened} onClose={onClose} title={title} size={size}>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {help && (
            <Text size="sm" c="dimmed">
              {help}
            </Text>
          )}
          <ProblemAlert error={error} fields={fields} onReload={onReload} />
          {children}
          <DialogFooter
            onCancel={onClose}
            label={submitLabel}
            loading={loading}
            disabled={disabled}
            color={color}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** Client-side validation against a schema, with messages translated like the server's. */
export function useClientErrors() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    errors,
    clear: () => setErrors({}),
    check(schema: Parameters<typeof validate>[0], input: unknown): boolean {
      const found = validate(schema, input);
      setErrors(
        found ? Object.fromEntries(Object.entries(found).map(([k, v]) => [k, translateMessage(t, v)])) : {},
      );
      return !found;
    },
  };
}

/** Archive with a reason (any record with a version). */
export function ArchiveDialog({
  opened,
  onClose,
  title,
  help,
  path,
  version,
  onReload,
  invalidate,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  help: string;
  /** e.g. /api/v1/units/{id} */
  path: string;
  version: number;
  onReload: () => Promise<unknown>;
  /** Refresh cached data after archiving. */
  invalidate: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const client = useClientErrors();
  // The version seen when the dialog opened: a change made meanwhile answers 409, not archived unseen.
  const { base, rebase } = useEditBase(opened, { version });
  const archive = useMutation({
    mutationFn: () => api.post(`${path}/archive`, { version: base.version, reason }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.archivedDone'));
      close();
    },
  });
  const serverErrors = useFieldErrors(archive.error);
  const errors = { ...serverErrors, ...client.errors };
  function close() {
    setReason('');
    archive.reset();
    client.clear();
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={close} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (client.check(archiveBody, { version: base.version, reason })) archive.mutate();
          else focusFirstInvalid(e.currentTarget);
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">{help}</Text>
          <ProblemAlert
            error={archive.error}
            fields={['reason']}
            onReload={async () => {
              await rebase(onReload);
              archive.reset();
            }}
          />
          <Textarea
            label={t('field.archiveReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
          />
          <DialogFooter
            onCancel={close}
            label={t('common.archive')}
            color="red.9"
            loading={archive.isPending}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** Move a record: pick a new value for one reference field and PATCH it with the version. */
export function MoveDialog({
  opened,
  onClose,
  title,
  help,
  path,
  version,
  field,
  current,
  label,
  doneMessage,
  onReload,
  invalidate,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  help?: string;
  /** e.g. /api/v1/units/{id} */
  path: string;
  version: number;
  /** The field that is changed, e.g. parentId. */
  field: string;
  current: string | null;
  /** The submit button's text. */
  label: string;
  doneMessage: string;
  onReload: () => Promise<unknown>;
  invalidate: () => Promise<unknown>;
  /** The picker, given the chosen value, a setter and the field's error. */
  children: (value: string | null, setValue: (value: string | null) => void, error?: string) => ReactNode;
}) {
  // The record as it was when the dialog opened (or after 'Läs in igen'): a background refetch
  // neither resets the choice nor sends a newer version than the one the person saw.
  const { base, rebase } = useEditBase(opened, { version, current });
  const [value, setValue] = useState<string | null>(current);
  useEffect(() => setValue(base.current), [base]);
  const move = useMutation({
    mutationFn: () => api.patch(path, { version: base.version, [field]: value }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(doneMessage);
      close();
    },
  });
  const errors = useFieldErrors(move.error);
  function close() {
    move.reset();
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={close} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          move.mutate();
        }}
      >
        <Stack>
          {help && <Text size="sm">{help}</Text>}
          <ProblemAlert
            error={move.error}
            fields={[field]}
            onReload={async () => {
              await rebase(onReload);
              move.reset();
            }}
          />
          {children(value, setValue, errors[field])}
          <DialogFooter
            onCancel={close}
            label={label}
            loading={move.isPending}
            disabled={value === base.current}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** Restore an archived record (a button that asks nothing: restoring loses nothing). */
export function useRestore(path: string, version: number, invalidate: () => Promise<unknown>) {
  const { t } = useTranslation();
  return useMutation({
    mutationFn: () => api.post(`${path}/restore`, { version }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.restoredDone'));
    },
  });
}
