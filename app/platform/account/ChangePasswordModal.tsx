import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ProblemAlert, useFieldErrors } from '../errors.tsx';
import { focusFirstInvalid } from '../form.ts';
import { PasswordField } from '../inputs.tsx';
import { notifySuccess } from '../notify.ts';

const MIN_LENGTH = 10;

/** Change one's own password; forced (not closable) after signing in with a temporary one. */
export function ChangePasswordModal({
  opened,
  onClose,
  forced,
}: {
  opened: boolean;
  onClose: () => void;
  forced: boolean;
}) {
  const { t } = useTranslation();
  const { passwordChanged } = useAuth();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [revokeTokens, setRevokeTokens] = useState(false);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});

  const change = useMutation({
    mutationFn: () =>
      api.post<void>('/api/v1/session/password', { currentPassword, newPassword, revokeTokens }),
    onSuccess: () => {
      passwordChanged();
      notifySuccess(t('password.changed'));
      close();
    },
  });
  const serverErrors = useFieldErrors(change.error);
  const errors = { ...serverErrors, ...clientErrors };

  function close() {
    setCurrent('');
    setNew('');
    setRepeat('');
    setRevokeTokens(false);
    setClientErrors({});
    change.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!currentPassword) found.currentPassword = t('serverMessage.required');
    if (newPassword.length < MIN_LENGTH)
      found.newPassword = t('serverMessage.minLength', { count: MIN_LENGTH });
    else if (repeat !== newPassword) found.repeat = t('password.mismatch');
    setClientErrors(found);
    if (Object.keys(found).length === 0) change.mutate();
    else focusFirstInvalid(event.currentTarget as HTMLFormElement);
  }

  return (
    <Modal
      opened={opened}
      onClose={forced ? () => {} : close}
      title={t('password.title')}
      closeOnClickOutside={!forced}
      closeOnEscape={!forced}
      withCloseButton={!forced}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {forced && <Text size="sm">{t('password.forced')}</Text>}
          <ProblemAlert error={change.error} fields={['currentPassword', 'newPassword']} />
          <PasswordField
            label={t('password.current')}
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            autoComplete="current-password"
            required
            data-autofocus
          />
          <PasswordField
            label={t('password.new')}
            description={t('password.rule', { count: MIN_LENGTH })}
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={errors.newPassword}
            autoComplete="new-password"
            required
          />
          <PasswordField
            label={t('password.repeat')}
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={errors.repeat}
            autoComplete="new-password"
            required
          />
          <Text size="sm" c="dimmed">
            {t('password.otherSessions')}
          </Text>
          <Checkbox
            label={t('password.revokeTokens')}
            description={t('password.revokeTokensHelp')}
            checked={revokeTokens}
            onChange={(e) => setRevokeTokens(e.currentTarget.checked)}
          />
          <Group justify="flex-end" mt="sm">
            {!forced && (
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
