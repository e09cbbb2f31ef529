import { Loader, type LoaderProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The loader every page shows while it waits, named for screen readers. Mantine's Loader is a
 * span, where an aria-label alone is not allowed (axe's aria-prohibited-attr, caught while a page
 * loads); as a status it is announced and allowed a name.
 */
export function Loading(props: LoaderProps) {
  const { t } = useTranslation();
  return <Loader role="status" aria-label={t('common.loading')} {...props} />;
}
