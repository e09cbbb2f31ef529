import { Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type ClassificationDimension,
  classificationDimensions,
} from '../../../../shared/registry/classification.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';
import { useScale } from './api.ts';

// Small pieces the classification pages share: a level as a badge that says in words what it is.

const tones: Tone[] = ['neutral', 'neutral', 'info', 'warning', 'negative'];

/** "K3" on screen; "Konfidentialitet: nivå 3, Allvarlig" to a screen reader and on hover. */
export function LevelBadge({
  dimension,
  level,
}: {
  dimension: ClassificationDimension;
  level: number | null;
}) {
  const { t, i18n } = useTranslation();
  const scale = useScale();
  if (level === null) return null;
  const name = scale.data?.levels[dimension][level]?.name[i18n.language === 'en' ? 'en' : 'sv'];
  const words = `${t(`registry.classification.dimension.${dimension}`)}: ${t('registry.classification.levelOf', { level })}${name ? `, ${name}` : ''}`;
  return (
    <span title={words}>
      <StatusBadge tone={tones[level] ?? 'neutral'}>
        <span aria-hidden>
          {t(`registry.classification.short.${dimension}`)}
          {level}
        </span>
        <VisuallyHidden>{words}</VisuallyHidden>
      </StatusBadge>
    </span>
  );
}

/** The levels of a classification (or a system's maximum) in a row. */
export function Levels({ levels }: { levels: Record<ClassificationDimension, number | null> }) {
  const { t } = useTranslation();
  const shown = classificationDimensions.filter((d) => levels[d] !== null);
  if (shown.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('registry.classification.restricted')}
      </Text>
    );
  return (
    <Group gap={4} wrap="nowrap">
      {shown.map((d) => (
        <LevelBadge key={d} dimension={d} level={levels[d]} />
      ))}
    </Group>
  );
}
