import { notifications } from '@mantine/notifications';
import { i18n } from './i18n.ts';

/** A short confirmation ("Saved.") whose close button has a name in the UI language. */
export function notifySuccess(message: string) {
  notifications.show({
    color: 'green',
    message,
    autoClose: 5000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
