import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProcessLevel } from '../../../../shared/registry/processes.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { EmptyValue } from '../../../platform/page.tsx';
import { useProcessTree } from './api.ts';

// Small pieces the process and records pages share: a level badge, a process as a link, and the
// translation of this part's server messages (the platform translates only its own).

const badgeStyles = {
  root: { textTransform: 'none' as const, fontWeight: 600 },
  label: { color: 'var(--mantine-color-gray-9)', overflow: 'visible' as const },
};

const levelColors: Record<ProcessLevel, string> = {
  activityType: 'grape',
  area: 'sea',
  group: 'cyan',
  process: 'gray',
};

export function LevelBadge({ level }: { level: ProcessLevel }) {
  const { t } = useTranslation();
  return (
    <Badge color={levelColors[level]} variant="light" miw="fit-content" styles={badgeStyles}>
      {t(`registry.processes.levelTitle.${level}`)}
    </Badge>
  );
}

/** A process by id as "code name", named from the cached tree. */
export function ProcessLink({ id }: { id: string | null | undefined }) {
  const { byId } = useProcessTree(true);
  if (!id) return <EmptyValue />;
  const node = byId.get(id);
  return (
    <RouterAnchor to="/processes/$processId" params={{ processId: id }} size="sm">
      {node ? `${node.code} ${node.name}` : '…'}
    </RouterAnchor>
  );
}

/** The server's messages of processes and records → keys of this part's messages. */
/** The processes' and records' server messages (sentence → translation key), also on the seam. */
export const ownMessages: Record<string, string> = {
  'A process cannot be its own parent': 'registry.processes.serverMessage.ownParent',
  'A process cannot be moved below itself': 'registry.processes.serverMessage.belowItself',
  'No such active process': 'registry.processes.serverMessage.noActiveProcess',
  'Another active process has this code': 'registry.processes.serverMessage.codeTaken',
  'Must be segments of letters and digits separated by dots, e.g. 3.2.1':
    'registry.processes.serverMessage.codeFormat',
  'The process has active sub-processes; archive or move them first':
    'registry.processes.serverMessage.hasChildren',
  'The process has active record types; archive or move them first':
    'registry.processes.serverMessage.hasRecordTypes',
  'The process is listed twice': 'registry.processes.serverMessage.listedTwice',
  'A record type that is disposed of (gallras) needs its period: retentionMonths or retentionPeriod':
    'registry.records.serverMessage.needsPeriod',
  'A record type that is preserved (bevaras) has no disposal period':
    'registry.records.serverMessage.preservedNoPeriod',
  'Name the provision that makes it secret, e.g. 26 kap. 1 § OSL':
    'registry.records.serverMessage.needsProvision',
  'Only a secret record type has a secrecy provision': 'registry.records.serverMessage.provisionOnlySecret',
  'Records kept on paper only have no file format': 'registry.records.serverMessage.paperNoFormat',
  'Only a record type delivered to the e-archive says when':
    'registry.records.serverMessage.eArchiveWhenOnly',
  'Record types belong to a process, the lowest level of the tree':
    'registry.records.serverMessage.processLevel',
  'No such active system': 'registry.records.serverMessage.noActiveSystem',
  'An adopted plan needs the date of the decision': 'registry.records.serverMessage.adoptedDate',
  'An adopted plan needs the body that adopted it': 'registry.records.serverMessage.adoptedBody',
  'An adopted plan needs the paragraph (§) of the decision':
    'registry.records.serverMessage.adoptedParagraph',
};

/** Field errors with this part's server messages in the reader's language. */
export function translateOwn(t: TFunction, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => {
      const key = ownMessages[message];
      if (key) return [field, t(key)];
      // Nesting messages name the levels; one sentence covers them all.
      if (/^A (verksamhetstyp|verksamhetsområde|processgrupp|process)\b.*(parent|placed under)/.test(message))
        return [field, t('registry.processes.serverMessage.nesting')];
      return [field, message];
    }),
  );
}
