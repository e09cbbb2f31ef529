import { Alert, Box, Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb, IconLink, IconTextPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, Suggestion } from '../../../../shared/desk/knowledge.ts';
import { api } from '../../../platform/api.ts';
import { Dialog } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { Loading } from '../../../platform/Loading.tsx';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { RecordFallback } from '../../../platform/record-actions.tsx';
import { ArticleContent } from './ArticleContent.tsx';
import { useArticle, useSuggestions } from './api.ts';
import { HelpfulQuestion, KindBadge } from './parts.tsx';

// Knowledge where a ticket is written: under the portal's title as the employee types (the best
// few published articles, each opened in a dialog over the form, so nothing typed is lost, with
// "did it help?"), and beside a ticket an agent works (articles matching it, whose link or text
// goes into the reply).

/** One article in a dialog over the report form: read it, say whether it helped. */
function ArticleDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const article = useArticle(id);
  const [solved, setSolved] = useState(false);
  const close = () => {
    setSolved(false);
    onClose();
  };
  return (
    <Dialog opened={id !== null} onClose={close} title={article.data?.title ?? t('common.loading')} size="lg">
      {article.data ? (
        <Stack gap="lg">
          <Group gap="xs">
            <KindBadge kind={article.data.kind} />
            {article.data.system && (
              <Text size="sm" c="dimmed">
                {article.data.system.name}
              </Text>
            )}
          </Group>
          <ArticleContent article={article.data} />
          <Text size="sm" c="dimmed">
            {t('desk.knowledge.suggest.dialogHelp')}
          </Text>
          <HelpfulQuestion article={article.data} onAnswered={setSolved} />
          {solved && (
            <Alert color="green" variant="light" title={t('desk.knowledge.suggest.solvedTitle')}>
              <Stack gap="sm" align="flex-start">
                <Text size="sm">{t('desk.knowledge.suggest.solved')}</Text>
                <RouterButton to="/portal/tickets" variant="default" size="xs">
                  {t('desk.knowledge.suggest.leave')}
                </RouterButton>
              </Stack>
            </Alert>
          )}
          <Group justify="space-between">
            <RouterAnchor to="/desk/knowledge/$articleId" params={{ articleId: article.data.id }} size="sm">
              {t('desk.knowledge.suggest.openPage')}
            </RouterAnchor>
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <RecordFallback error={article.error} />
      )}
    </Dialog>
  );
}

/**
 * Under the report form's title: suggestions for the title as it is typed (debounced), and the
 * system when one is chosen. The count is said by a polite live region; the articles are buttons
 * in the tab order right after the title.
 */
export function ReportSuggestions({ title, systemId }: { title: string; systemId?: string }) {
  const { t } = useTranslation();
  const [text] = useDebouncedValue(title, 300);
  const found = useSuggestions({ text, systemId });
  const [open, setOpen] = useState<string | null>(null);
  const asking = text.trim().length >= 3;
  const items = asking ? (found.data?.items ?? []) : [];
  return (
    <Box>
      <Text
        size="sm"
        role="status"
        aria-live="polite"
        c={items.length ? undefined : 'dimmed'}
        fw={items.length ? 600 : 400}
      >
        {asking && found.data
          ? items.length
            ? t('desk.knowledge.suggest.found', { count: items.length })
            : ''
          : ''}
      </Text>
      {items.length > 0 && (
        <Stack
          component="ul"
          aria-label={t('desk.knowledge.suggest.title')}
          gap={6}
          m={0}
          mt={6}
          p={0}
          style={{ listStyle: 'none' }}
        >
          {items.map((s) => (
            <li key={s.id}>
              <UnstyledButton
                onClick={() => setOpen(s.id)}
                aria-label={t('desk.knowledge.suggest.open', { title: s.title })}
                style={{ display: 'flex', gap: 8, alignItems: 'flex-start', width: '100%' }}
              >
                <IconBulb size={18} aria-hidden style={{ flex: 'none', marginTop: 2, color: '#8a6100' }} />
                <span>
                  <Text span size="sm" fw={600} c="blue.9" td="underline" display="block">
                    {s.title}
                  </Text>
                  <Text span size="xs" c="dimmed" display="block" lineClamp={2}>
                    {s.kind === 'knownError' ? `${t('desk.knowledge.kind.knownError')}: ` : ''}
                    {s.excerpt}
                  </Text>
                </span>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      )}
      <ArticleDialog id={open} onClose={() => setOpen(null)} />
    </Box>
  );
}

/** What an agent puts in the reply for an article: its link, or its text and the link. */
function replyText(t: TFunction, article: Suggestion | Article) {
  const url = `${window.location.origin}/desk/knowledge/${article.id}`;
  return t('desk.knowledge.ticket.linkText', {
    title: article.title,
    url,
    interpolation: { escapeValue: false },
  });
}

/** Beside a ticket an agent works: articles matching it (or a search), to insert in the reply. */
export function TicketKnowledge({
  ticketId,
  onInsert,
}: {
  ticketId: string;
  onInsert: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [text] = useDebouncedValue(search, 300);
  const found = useSuggestions(text.trim() ? { text } : { ticketId });
  const [error, setError] = useState<unknown>(null);
  const items = found.data?.items ?? [];
  const insert = (value: string) => {
    onInsert(value);
    notifySuccess(t('desk.knowledge.ticket.inserted'));
  };
  const insertText = async (s: Suggestion) => {
    setError(null);
    try {
      const article = await api.get<Article>(`/api/v1/knowledge/${s.id}`);
      const parts = [article.body.trim()];
      if (article.kind === 'knownError' && article.workaround)
        parts.push(`${t('desk.knowledge.ticket.workaroundText')}\n${article.workaround.trim()}`);
      parts.push(replyText(t, article));
      insert(parts.join('\n\n'));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="sm">
      <TextInput
        label={t('desk.knowledge.ticket.search')}
        placeholder={t('desk.knowledge.ticket.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        type="search"
        maxLength={200}
      />
      <ProblemAlert error={found.error ?? error} />
      {found.isPending && found.fetchStatus !== 'idle' ? (
        <Loading size="sm" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('desk.knowledge.ticket.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((s) => (
            <li key={s.id}>
              <Stack gap={4}>
                <Group gap="xs" wrap="wrap">
                  <RouterAnchor
                    to="/desk/knowledge/$articleId"
                    params={{ articleId: s.id }}
                    size="sm"
                    fw={600}
                  >
                    {s.title}
                  </RouterAnchor>
                  {s.kind === 'knownError' && <KindBadge kind={s.kind} />}
                </Group>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {s.excerpt}
                </Text>
                <Group gap="xs">
                  <Button
                    size="compact-xs"
                    variant="default"
                    leftSection={<IconLink size={12} aria-hidden />}
                    aria-label={t('desk.knowledge.ticket.insertLinkLabel', { title: s.title })}
                    onClick={() => insert(replyText(t, s))}
                  >
                    {t('desk.knowledge.ticket.insertLink')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    leftSection={<IconTextPlus size={12} aria-hidden />}
                    aria-label={t('desk.knowledge.ticket.insertTextLabel', { title: s.title })}
                    onClick={() => void insertText(s)}
                  >
                    {t('desk.knowledge.ticket.insertText')}
                  </Button>
                </Group>
              </Stack>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
