import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectPhase, Rag } from '../../../../shared/portfolio/projects.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';

// Small parts of the project pages: a phase and a red/amber/green level, each in words as well
// as colour (colour alone says nothing to a screen reader or a colour-blind reader).

const ragTone: Record<Rag, Tone> = { green: 'positive', amber: 'warning', red: 'negative' };

export function RagBadge({ level, area }: { level: Rag; area?: 'time' | 'cost' | 'scope' }) {
  const { t } = useTranslation();
  const word = t(`portfolio.projects.rag.${level}`);
  return (
    <StatusBadge tone={ragTone[level]}>
      {area ? `${t(`portfolio.projects.ragArea.${area}`)}: ${word}` : word}
    </StatusBadge>
  );
}

export function RagTriple({ report }: { report: { time: Rag; cost: Rag; scope: Rag } }) {
  return (
    <Group gap={4} wrap="wrap">
      <RagBadge level={report.time} area="time" />
      <RagBadge level={report.cost} area="cost" />
      <RagBadge level={report.scope} area="scope" />
    </Group>
  );
}

const phaseTone: Record<ProjectPhase, Tone> = {
  preStudy: 'neutral',
  planning: 'info',
  execution: 'info',
  closing: 'warning',
  handedOver: 'positive',
};

export function PhaseBadge({ phase }: { phase: ProjectPhase }) {
  const { t } = useTranslation();
  return <StatusBadge tone={phaseTone[phase]}>{t(`portfolio.projects.phase.${phase}`)}</StatusBadge>;
}

export function Muted({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}
