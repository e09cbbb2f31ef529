import { Button, Group, Kbd, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../platform/dialogs.tsx';

// The list of a page's keyboard shortcuts (the console's, a ticket's), opened with "?".

export function ShortcutHelp({
  opened,
  onClose,
  shortcuts,
  intro,
}: {
  opened: boolean;
  onClose: () => void;
  /** The key as pressed and what it does. */
  shortcuts: [key: string, does: string][];
  intro: string;
}) {
  const { t } = useTranslation();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('desk.tickets.shortcuts.title')}>
      <Stack gap="sm">
        <Text size="sm">{intro}</Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('desk.tickets.shortcuts.key')}</Table.Th>
              <Table.Th scope="col">{t('desk.tickets.shortcuts.does')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shortcuts.map(([key, does]) => (
              <Table.Tr key={key}>
                <Table.Td>
                  <Kbd>{key}</Kbd>
                </Table.Td>
                <Table.Td>{does}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
