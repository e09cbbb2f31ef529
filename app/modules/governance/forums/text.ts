import { useTranslation } from 'react-i18next';
import type { Forum } from '../../../../shared/governance/forums.ts';

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

/** "10–12 per år" */
export function useMeetingsText() {
  const { t } = useTranslation();
  return (f: Pick<Forum, 'meetingsPerYear' | 'meetingsPerYearMax'>) =>
    f.meetingsPerYearMax && f.meetingsPerYearMax !== f.meetingsPerYear
      ? t('governance.forums.meetingsSpan', { min: f.meetingsPerYear, max: f.meetingsPerYearMax })
      : t('governance.forums.meetings', { count: f.meetingsPerYear });
}
