import { useTranslation } from 'react-i18next';
import type { DocumentStatus, GoverningDocument } from '../../../../shared/governance/documents.ts';
import { StatusBadge as Badge, type Tone } from '../../../platform/badges.tsx';

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

export const tones: Record<DocumentStatus, Tone> = {
  draft: 'neutral',
  inForce: 'positive',
  underRevision: 'warning',
  revoked: 'negative',
};

export function DocumentStatusBadge({ document }: { document: GoverningDocument }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge tone={tones[document.status]}>{t(`governance.documents.status.${document.status}`)}</Badge>
      {document.reviewOverdue && (
        <>
          {' '}
          <Badge tone="negative">{t('governance.documents.overdue')}</Badge>
        </>
      )}
    </>
  );
}
