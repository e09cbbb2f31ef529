import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LifecyclePhase, SystemScope } from '../../../../shared/registry/systems.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { EmptyValue } from '../../../platform/page.tsx';
import { useSystem } from './api.ts';

// Small pieces the registry's pages share: a system's name as a link, scope and phase badges.

const phaseColors: Record<LifecyclePhase, string> = {
  idea: 'gray',
  procurement: 'cyan',
  implementation: 'sea',
  operation: 'green',
  phaseOut: 'orange',
  retired: 'gray',
};

const badgeStyles = {
  root: { textTransform: 'none' as const, fontWeight: 600 },
  label: { color: 'var(--mantine-color-gray-9)', overflow: 'visible' as const },
};

export function PhaseBadge({ phase }: { phase: LifecyclePhase }) {
  const { t } = useTranslation();
  return (
    <Badge color={phaseColors[phase]} variant="light" miw="fit-content" styles={badgeStyles}>
      {t(`registry.systems.phase.${phase}`)}
    </Badge>
  );
}

export function ScopeBadge({ scope }: { scope: SystemScope }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={scope === 'shared' ? 'sea' : 'grape'}
      variant="light"
      miw="fit-content"
      styles={badgeStyles}
    >
      {t(`registry.systems.scope.${scope}`)}
    </Badge>
  );
}

/** A link to a system by id, named by fetching it (cached per system). */
export function SystemLink({ id }: { id: string | null | undefined }) {
  const system = useSystem(id ?? '', { enabled: !!id });
  if (!id) return <EmptyValue />;
  return (
    <RouterAnchor to="/systems/$systemId" params={{ systemId: id }} size="sm">
      {system.data?.name ?? '…'}
    </RouterAnchor>
  );
}
