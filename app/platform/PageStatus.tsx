import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from './Loading.tsx';
import { usePageTitle } from './page.tsx';

// What the router shows around a page's lazily loaded chunk (app/router.tsx): the loader while it
// arrives, and a message a person understands if it cannot be shown.

/** While a page's chunk (or its route's work) takes longer than the router's pending delay. */
export function PagePending() {
  return (
    <Center py={80}>
      <Loading />
    </Center>
  );
}

/** The browsers' words for a dynamic import whose file is not there (as the router tells it). */
function isMissingChunk(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return (
    message.startsWith('Failed to fetch dynamically imported module') ||
    message.startsWith('error loading dynamically imported module') ||
    message.startsWith('Importing a module script failed')
  );
}

/**
 * A page that failed to render or to load. A chunk that is gone (a deploy replaced the hashed
 * files) is reloaded once by lazyRouteComponent; if that did not help, the person is told that
 * Styrbord was updated and offered the reload.
 */
export function PageError({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const newVersion = isMissingChunk(error);
  const title = newVersion ? t('pageError.newVersionTitle') : t('pageError.title');
  usePageTitle(title);
  return (
    <Center py={80}>
      <Stack align="center" gap="sm" maw={480} ta="center" role="alert">
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{newVersion ? t('pageError.newVersionText') : t('pageError.text')}</Text>
        <Button
          mt="md"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => window.location.reload()}
        >
          {t('pageError.reload')}
        </Button>
      </Stack>
    </Center>
  );
}
