import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../../shared/desk/knowledge.ts';
import { ArticleBody } from './parts.tsx';

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

/** The text and the workaround of an article: the article page's and the portal dialog's. */
export function ArticleContent({ article }: { article: Article }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <ArticleBody body={article.body} />
      {article.kind === 'knownError' && article.workaround && (
        <Paper
          component="section"
          aria-labelledby={`workaround-${article.id}`}
          p="md"
          radius="sm"
          style={{ background: '#fff8e1', border: '1px solid #f1d88a' }}
        >
          <Title order={3} size="h4" id={`workaround-${article.id}`} mb="xs">
            {t('desk.knowledge.page.workaroundTitle')}
          </Title>
          <ArticleBody body={article.workaround} />
        </Paper>
      )}
    </Stack>
  );
}
