import { Button, Group, List, Stack, Text } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Article,
  bodyBlocks,
  type KnowledgeKind,
  type KnowledgeState,
} from '../../../../shared/desk/knowledge.ts';
import { api } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useKnowledgeInvalidate } from './api.ts';

// The parts of an article the knowledge base's pages and the suggestions share: its kind and
// state in words, its text rendered from the simple format (as text: never HTML), and "did it
// help?".

export function KindBadge({ kind }: { kind: KnowledgeKind }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={kind === 'knownError' ? 'warning' : 'info'}>
      {t(`desk.knowledge.kind.${kind}`)}
    </StatusBadge>
  );
}

export function StateBadge({ state }: { state: KnowledgeState }) {
  const { t } = useTranslation();
  const tone = state === 'published' ? 'positive' : state === 'draft' ? 'warning' : 'neutral';
  return <StatusBadge tone={tone}>{t(`desk.knowledge.state.${state}`)}</StatusBadge>;
}

/** Lines of a block with keys: the text never changes order within one rendering of a body. */
const keyed = (lines: string[]) => lines.map((text, i) => ({ text, key: `${i}:${text.slice(0, 24)}` }));

/** Paragraphs and lists of shared bodyBlocks; every piece of text is a React text node. */
export function ArticleBody({ body }: { body: string }) {
  return (
    <Stack gap="sm" style={{ overflowWrap: 'anywhere' }}>
      {bodyBlocks(body).map((block, i) => {
        const key = `${block.kind}-${i}`;
        if (block.kind === 'paragraph')
          return (
            <Text key={key} component="p" m={0}>
              {keyed(block.lines).map((line, j) => (
                <Fragment key={line.key}>
                  {j > 0 && <br />}
                  {line.text}
                </Fragment>
              ))}
            </Text>
          );
        return (
          <List key={key} type={block.kind === 'numbered' ? 'ordered' : 'unordered'} spacing={4} withPadding>
            {keyed(block.items).map((item) => (
              <List.Item key={item.key}>{item.text}</List.Item>
            ))}
          </List>
        );
      })}
    </Stack>
  );
}

/**
 * "Hjälpte artikeln dig?" with Ja and Nej as toggle buttons (aria-pressed says which was given),
 * and a thank-you said by a live region. `onAnswered` hears the answer (the portal's dialog says
 * that no report is needed).
 */
export function HelpfulQuestion({
  article,
  onAnswered,
}: {
  article: Article;
  onAnswered?: (helpful: boolean) => void;
}) {
  const { t } = useTranslation();
  const invalidate = useKnowledgeInvalidate();
  const id = useId();
  const answer = useMutation({
    mutationFn: (helpful: boolean) =>
      api.post<Article>(`/api/v1/knowledge/${article.id}/feedback`, { helpful }),
    onSuccess: async (_saved, helpful) => {
      await invalidate();
      onAnswered?.(helpful);
    },
  });
  if (!article.can.feedback) return null;
  const given = answer.isSuccess ? answer.variables : article.myFeedback;
  return (
    <Stack gap="xs" role="group" aria-labelledby={id}>
      <Text id={id} fw={600}>
        {t('desk.knowledge.feedback.question')}
      </Text>
      <Group gap="sm">
        {([true, false] as const).map((helpful) => (
          <Button
            key={String(helpful)}
            variant={given === helpful ? 'filled' : 'default'}
            aria-pressed={given === helpful}
            leftSection={
              helpful ? <IconThumbUp size={16} aria-hidden /> : <IconThumbDown size={16} aria-hidden />
            }
            loading={answer.isPending && answer.variables === helpful}
            onClick={() => answer.mutate(helpful)}
          >
            {helpful ? t('desk.knowledge.feedback.yes') : t('desk.knowledge.feedback.no')}
          </Button>
        ))}
      </Group>
      <ProblemAlert error={answer.error} />
      <Text size="sm" role="status">
        {answer.isSuccess
          ? answer.variables
            ? t('desk.knowledge.feedback.thanksYes')
            : t('desk.knowledge.feedback.thanksNo')
          : ''}
      </Text>
    </Stack>
  );
}
