import { Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../errors.tsx';
import { notifySuccess } from '../notify.ts';
import { PageHeader, Section } from '../page.tsx';
import { usePreferences, useSetPreference } from './api.ts';

// /account/notifications: one switch per kind of notification, for mail. Every kind is shown in
// the inbox anyway; kinds that are never mailed say so instead of offering a switch.

export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const set = useSetPreference();
  const items = preferences.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('notifications.prefsTitle')}
        description={t('notifications.prefsDescription')}
        breadcrumbs={[{ label: t('user.account') }, { label: t('notifications.prefsTitle') }]}
      />
      <Section id="notification-preferences" title={t('notifications.prefsListTitle')}>
        <ProblemAlert error={set.error ?? preferences.error} />
        {preferences.isPending && <Text size="sm">{t('common.loading')}</Text>}
        <Stack gap="md">
          {items.map((p) =>
            p.mail === null ? (
              <div key={p.kind}>
                <Text size="sm" fw={500}>
                  {p.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('notifications.inAppOnly')}
                </Text>
              </div>
            ) : (
              <Switch
                key={p.kind}
                label={p.label}
                description={
                  p.mailDefault ? t('notifications.mailDefaultOn') : t('notifications.mailDefaultOff')
                }
                checked={p.mail}
                disabled={set.isPending}
                onChange={(e) =>
                  set.mutate(
                    { kind: p.kind, mail: e.currentTarget.checked },
                    { onSuccess: () => notifySuccess(t('notifications.saved')) },
                  )
                }
              />
            ),
          )}
        </Stack>
      </Section>
    </>
  );
}
