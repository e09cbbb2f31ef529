import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcessingActivity } from '../../../../shared/registry/privacy.ts';

// Small pieces the processing register's pages share.

const badgeStyles = {
  root: { textTransform: 'none' as const, fontWeight: 600 },
  label: { color: 'var(--mantine-color-gray-9)', overflow: 'visible' as const },
};

/** What a DPO looks for first: sensitive data, an impact assessment, a third-country transfer. */
export function ActivityFlags({ activity }: { activity: ProcessingActivity }) {
  const { t } = useTranslation();
  const flags = [
    activity.sensitiveData && { key: 'sensitive', color: 'orange' },
    activity.dpiaRequired && { key: 'dpia', color: 'grape' },
    activity.thirdCountryTransfer && { key: 'thirdCountry', color: 'red' },
  ].filter((f): f is { key: string; color: string } => !!f);
  if (flags.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {flags.map((f) => (
        <Badge key={f.key} color={f.color} variant="light" styles={badgeStyles} miw="fit-content">
          {t(`registry.privacy.badge.${f.key}`)}
        </Badge>
      ))}
    </Group>
  );
}

export const yesNo = (t: (key: string) => string, value: boolean) =>
  t(`registry.privacy.${value ? 'yes' : 'no'}`);
