import { Alert, Badge, Button, Grid, Group, Stack } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../../shared/desk/knowledge.ts';
import { api } from '../../../platform/api.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { PersonLink } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { TicketNumber } from '../tickets/parts.tsx';
import { ArticleContent } from './ArticleContent.tsx';
import { ArticleFormModal } from './ArticleForm.tsx';
import { useArticle, useKnowledgeInvalidate } from './api.ts';
import { HelpfulQuestion, KindBadge, StateBadge } from './parts.tsx';

// One article: its text, a known error's workaround set apart, what it concerns, and "did it
// help?". Agents also edit, publish, archive and restore it, and see where it came from.

function PublishButton({ article, onReload }: { article: Article; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const invalidate = useKnowledgeInvalidate();
  const publish = useMutation({
    mutationFn: () =>
      api.post<Article>(`/api/v1/knowledge/${article.id}/publish`, { version: article.version }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('desk.knowledge.page.published'));
    },
  });
  return (
    <>
      <Button
        leftSection={<IconSend size={16} aria-hidden />}
        loading={publish.isPending}
        onClick={() => publish.mutate()}
      >
        {t('desk.knowledge.page.publish')}
      </Button>
      {publish.error ? (
        <ProblemAlert
          error={publish.error}
          onReload={() => {
            void onReload().then(() => publish.reset());
          }}
        />
      ) : null}
    </>
  );
}

export function ArticlePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { articleId } = useParams({ from: '/_app/desk/knowledge/$articleId' });
  const query = useArticle(articleId);
  const [dialog, setDialog] = useState<null | 'edit' | 'archive'>(null);
  const invalidate = useKnowledgeInvalidate();
  const restore = useRestore(`/api/v1/knowledge/${articleId}`, query.data?.version ?? 0, invalidate);
  const article = query.data;
  if (!article || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`desk.knowledge.field.${name}`);
  const agent = article.can.publish || article.can.update || article.can.restore;
  const reload = () => query.refetch();

  return (
    <>
      <PageHeader
        title={article.title}
        breadcrumbs={[
          { label: t('desk.navGroup') },
          { label: t('desk.knowledge.title'), to: '/desk/knowledge' },
          { label: article.title },
        ]}
        badges={
          <>
            <KindBadge kind={article.kind} />
            {article.state !== 'published' && <StateBadge state={article.state} />}
          </>
        }
        description={[
          article.system?.name,
          article.category && t(`desk.tickets.category.${article.category}`),
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          agent ? (
            <>
              {article.can.publish && <PublishButton article={article} onReload={reload} />}
              <RecordActions
                archived={article.state === 'archived'}
                can={{ ...article.can, readHistory: true }}
                onEdit={() => setDialog('edit')}
                restore={restore}
                items={[]}
                history={{ entity: 'knowledgeArticle', entityId: article.id }}
                onArchive={() => setDialog('archive')}
              />
            </>
          ) : undefined
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void reload()}
        archived={
          article.archivedAt
            ? {
                title: t('desk.knowledge.page.archivedTitle', { date: f.date(article.archivedAt) }),
                reason: article.archiveReason,
              }
            : null
        }
      />
      {article.state === 'draft' && (
        <Alert color="yellow" variant="light" mb="md" title={t('desk.knowledge.page.draftTitle')}>
          {t('desk.knowledge.page.draft')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }} style={{ minWidth: 0 }}>
          <Section id="article-text" title={t('desk.knowledge.page.article')}>
            <Stack gap="xl">
              <ArticleContent article={article} />
              <HelpfulQuestion article={article} />
            </Stack>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} style={{ minWidth: 0 }}>
          <Section id="article-details" title={t('desk.knowledge.page.details')}>
            <DetailList
              items={[
                { label: field('kind'), value: t(`desk.knowledge.kind.${article.kind}`) },
                { label: field('system'), value: article.system?.name },
                {
                  label: field('category'),
                  value: article.category ? t(`desk.tickets.category.${article.category}`) : null,
                },
                {
                  label: field('keywords'),
                  value: article.keywords.length ? (
                    <Group gap={6} component="span">
                      {article.keywords.map((k) => (
                        <Badge key={k} variant="outline" color="gray.8" radius="sm" tt="none" fw={500}>
                          {k}
                        </Badge>
                      ))}
                    </Group>
                  ) : null,
                },
                { label: field('publishedAt'), value: f.date(article.publishedAt) },
                { label: field('updatedAt'), value: f.date(article.updatedAt) },
                ...(agent
                  ? [
                      { label: field('state'), value: t(`desk.knowledge.state.${article.state}`) },
                      {
                        label: field('author'),
                        value: article.author ? (
                          <PersonLink id={article.author.id} name={article.author.name} />
                        ) : null,
                      },
                      {
                        label: field('problemTicket'),
                        value: article.problemTicket ? (
                          <RouterAnchor
                            to="/desk/tickets/$ticketId"
                            params={{ ticketId: article.problemTicket.id }}
                            size="sm"
                          >
                            <TicketNumber number={article.problemTicket.number} />{' '}
                            {article.problemTicket.title}
                          </RouterAnchor>
                        ) : null,
                      },
                      {
                        label: field('helpful'),
                        value: t('desk.knowledge.helpfulCount', {
                          yes: f.number(article.helpful),
                          no: f.number(article.notHelpful),
                        }),
                      },
                    ]
                  : []),
              ]}
            />
          </Section>
        </Grid.Col>
      </Grid>
      {article.can.update && (
        <ArticleFormModal
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          article={article}
          onReload={reload}
        />
      )}
      {article.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('desk.knowledge.archiveTitle', { title: article.title })}
          help={t('desk.knowledge.archiveHelp')}
          path={`/api/v1/knowledge/${article.id}`}
          version={article.version}
          onReload={reload}
          invalidate={invalidate}
        />
      )}
    </>
  );
}
