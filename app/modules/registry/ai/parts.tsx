import { useTranslation } from 'react-i18next';
import type { AiApplication } from '../../../../shared/registry/ai.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';

// The risk category of an AI application as a badge ("Inte bedömd" when none is set).

const tones: Record<NonNullable<AiApplication['riskCategory']>, Tone> = {
  prohibited: 'negative',
  high: 'warning',
  limited: 'info',
  minimal: 'neutral',
};

export function RiskBadge({ risk }: { risk: AiApplication['riskCategory'] }) {
  const { t } = useTranslation();
  if (!risk) return <StatusBadge tone="neutral">{t('registry.ai.notAssessed')}</StatusBadge>;
  return <StatusBadge tone={tones[risk]}>{t(`registry.ai.risk.${risk}`)}</StatusBadge>;
}
