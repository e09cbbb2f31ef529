import { Button, Code, CopyButton, Group } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A secret shown once (API token, temporary password), with a button that copies it. */
export function SecretWithCopy({ value, size = 'sm' }: { value: string; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      <Code fz={size} p="sm" style={{ flex: 1, wordBreak: 'break-all' }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            variant="default"
            onClick={copy}
            leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          >
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
