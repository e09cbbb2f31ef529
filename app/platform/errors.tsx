import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrorsOf } from './api.ts';

// Turning problem+json into words a person understands, in the UI language. The server's
// messages are stable English sentences; the known ones have a translation here, anything else
// is shown as it came.

const problemCodes = new Set([
  'network',
  'validation',
  'unauthenticated',
  'forbidden',
  'not-found',
  'version-conflict',
  'conflict',
  'payload-too-large',
  'unsupported-media-type',
  'too-many-requests',
  'secret-shown-once',
  'invalid-credentials',
  'password-change-required',
  'csrf-failed',
  'internal',
  'unavailable',
]);

/** Known server messages (field errors and problem details) → key under `serverMessage.`. */
const knownMessages: Record<string, string> = {
  Required: 'required',
  'Must be an email address': 'email',
  'Must be a phone number': 'phone',
  'Must be a UUID': 'uuid',
  'Must be NNNNNN-NNNN': 'orgNumber',
  'Letters, digits, . _ -': 'costCentre',
  'Must not contain control characters': 'control',
  'A unit cannot be its own parent': 'ownParent',
  'No such active unit': 'noActiveUnit',
  'A unit cannot be moved below itself': 'belowItself',
  'The unit is already archived': 'unitAlreadyArchived',
  'The unit has active sub-units; move or archive them first': 'unitHasChildren',
  'The unit has active people; move or archive them first': 'unitHasPeople',
  'The unit is not archived': 'unitNotArchived',
  'Restore the parent unit first': 'restoreParentFirst',
  'The person is already archived': 'personAlreadyArchived',
  'You cannot archive yourself': 'archiveSelf',
  'The person is not archived': 'personNotArchived',
  'This role cannot be granted in this kind of scope': 'roleNotInScope',
  'Name the scope the role applies to': 'roleNeedsScope',
  'No such kind of scope': 'noScopeKind',
  'No such active scope': 'noActiveScope',
  'A global grant names no scope': 'globalNoScope',
  'No such active person': 'noActivePerson',
  'The role is already revoked': 'alreadyRevoked',
  'You cannot revoke your own admin role': 'revokeOwnAdmin',
  'The current password is wrong': 'wrongPassword',
  'Choose a password you have not used now': 'samePassword',
  'Must be in the future': 'future',
  'Invalid cursor': 'cursor',
  'The cost centre is already used by another unit': 'costCentreTaken',
  'The email address is already used by another person': 'emailTaken',
  'The person already holds this role in this scope': 'roleHeld',
};

/** The modules' server messages → their translation keys (the seam's serverMessages, set at start). */
const moduleMessages = new Map<string, string>();

export function addServerMessages(messages: ReadonlyMap<string, string>) {
  for (const [message, key] of messages) moduleMessages.set(message, key);
}

export function translateMessage(t: TFunction, message: string): string {
  const key = knownMessages[message];
  if (key) return t(`serverMessage.${key}`);
  const moduleKey = moduleMessages.get(message);
  if (moduleKey) return t(moduleKey);
  if (/^At least \d+ characters$/.test(message))
    return t('serverMessage.minLength', { count: Number(message.match(/\d+/)?.[0]) });
  if (/already (exists|in use|taken)/i.test(message)) return t('serverMessage.taken');
  if (/^Too big/i.test(message)) return t('serverMessage.tooLong');
  if (/^Too small/i.test(message)) return t('serverMessage.required');
  if (/^Invalid (option|input)/i.test(message)) return t('serverMessage.invalid');
  return message;
}

/** One sentence for an error from the API (or anything thrown). */
export function problemText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (
      error.code === 'conflict' &&
      error.detail &&
      (knownMessages[error.detail] || moduleMessages.has(error.detail))
    )
      return translateMessage(t, error.detail);
    if (problemCodes.has(error.code)) return t(`problem.${error.code}`);
    return error.title || t('problem.internal');
  }
  return t('problem.internal');
}

/** Field errors of a failed request, translated, keyed by field name (see fieldErrorsOf). */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t } = useTranslation();
  const raw = fieldErrorsOf(error);
  return Object.fromEntries(
    Object.entries(raw).map(([field, message]) => [field, translateMessage(t, message)]),
  );
}

/** The error at one full field path (`routing.unitBodies.0.unitId`), translated: for forms with
 *  rows inside a field, where useFieldErrors (keyed by the top field only) cannot say which row. */
export function useErrorAt(error: unknown): (path: string) => string | undefined {
  const { t } = useTranslation();
  const errors = error instanceof ApiError ? error.errors : [];
  return (path) => {
    const hit = errors.find((e) => e.path.replace(/^body\.?/, '') === path);
    return hit && translateMessage(t, hit.message);
  };
}

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'version-conflict';
}

interface ProblemAlertProps {
  error: unknown;
  /** Fields shown in the form: their errors are shown there, not repeated here. */
  fields?: readonly string[];
  /** Offered on a version conflict: reload the record and start over. */
  onReload?: () => void;
}

/** The error of a form or an action, unless every part of it is shown next to a field. */
export function ProblemAlert({ error, fields = [], onReload }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const fieldErrors = fieldErrorsOf(error);
  const unplaced = Object.entries(fieldErrors).filter(([field]) => !fields.includes(field));
  if (
    error instanceof ApiError &&
    error.code === 'validation' &&
    Object.keys(fieldErrors).length > 0 &&
    unplaced.length === 0
  ) {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        role="alert"
        title={t('problem.validation')}
      >
        {t('form.fixFields')}
      </Alert>
    );
  }
  if (isVersionConflict(error)) {
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        role="alert"
        title={t('problem.version-conflict')}
      >
        <Stack gap="xs">
          <Text size="sm">{t('form.conflictHelp')}</Text>
          {onReload && (
            <Group>
              <Button
                size="xs"
                // Default, not white on orange: orange.9 text on white is 4.3:1, under WCAG's 4.5:1.
                variant="default"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={onReload}
              >
                {t('form.reload')}
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      title={problemText(t, error)}
    >
      {unplaced.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          {unplaced.map(([field, message]) => (
            <li key={field}>
              {field ? `${field}: ` : ''}
              {translateMessage(t, message)}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
