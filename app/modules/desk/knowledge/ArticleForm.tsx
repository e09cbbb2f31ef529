import {
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Article,
  articleCreate,
  type KnowledgeKind,
  knowledgeKinds,
} from '../../../../shared/desk/knowledge.ts';
import { type TicketCategory, ticketCategories } from '../../../../shared/desk/tickets.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { type Named, type RemoteProps, RemoteSelect, SystemSelect } from '../inputs.tsx';
import { useKnowledgeInvalidate } from './api.ts';
import { ArticleBody } from './parts.tsx';

// Writing and changing an article (agents): its text in the simple format with a preview, what
// it is (a solution, or a known error with its workaround), what it concerns (a system, a
// category or both), the problem it came from, and keywords. A new article is a draft; edits carry
// their version.

interface ArticleValues {
  title: string;
  body: string;
  kind: KnowledgeKind;
  workaround: string;
  system: Named | null;
  category: TicketCategory | null;
  problem: Named | null;
  keywords: string[];
}

function valuesOf(a: Article | null): ArticleValues {
  return {
    title: a?.title ?? '',
    body: a?.body ?? '',
    kind: a?.kind ?? 'solution',
    workaround: a?.workaround ?? '',
    system: a?.system ?? null,
    category: a?.category ?? null,
    problem: a?.problemTicket
      ? { id: a.problemTicket.id, name: `${a.problemTicket.number} ${a.problemTicket.title}` }
      : null,
    keywords: a?.keywords ?? [],
  };
}

const fields = ['title', 'body', 'kind', 'workaround', 'systemId', 'category', 'problemTicketId', 'keywords'];

/** A problem ticket (PRB) the agent may see, searched by number or words. */
function ProblemSelect(props: RemoteProps) {
  return (
    <RemoteSelect
      path="/api/v1/tickets"
      extra={{ view: 'work', type: 'problem' }}
      labelOf={(p) => `${String(p.number)} ${String(p.title)}`}
      {...props}
    />
  );
}

export function ArticleFormModal({
  opened,
  onClose,
  article,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  article: Article | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useKnowledgeInvalidate();
  const [preview, setPreview] = useState(false);
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: article,
    initial: () => valuesOf(article),
    collection: '/api/v1/knowledge',
    payload: (v: ArticleValues) => ({
      title: v.title.trim(),
      body: v.body,
      kind: v.kind,
      workaround: v.kind === 'knownError' ? orNull(v.workaround) : null,
      systemId: v.system?.id ?? null,
      category: v.category,
      problemTicketId: v.problem?.id ?? null,
      keywords: v.keywords,
    }),
    createOnly: () => ({}),
    before: (a) => ({
      title: a.title,
      body: a.body,
      kind: a.kind,
      workaround: a.workaround,
      systemId: a.system?.id ?? null,
      category: a.category,
      problemTicketId: a.problemTicket?.id ?? null,
      keywords: a.keywords,
    }),
    schema: articleCreate,
    invalidate,
    createdMessage: (saved) => t('desk.knowledge.created', { title: saved.title }),
    onCreated: (saved) => navigate({ to: '/desk/knowledge/$articleId', params: { articleId: saved.id } }),
    onReload,
  });
  const field = (name: string) => t(`desk.knowledge.field.${name}`);
  const help = (name: string) => t(`desk.knowledge.form.${name}`);
  const set =
    <K extends keyof ArticleValues>(key: K) =>
    (value: ArticleValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('desk.knowledge.createTitle') : t('desk.knowledge.editTitle')}
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={fields}
            onReload={reload ? () => void reload() : undefined}
          />
          <TextInput
            label={field('title')}
            description={help('titleHelp')}
            value={values.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
            required
            maxLength={200}
            data-autofocus
          />
          <Radio.Group
            label={field('kind')}
            description={help('kindHelp')}
            value={values.kind}
            onChange={(v) => set('kind')(v as KnowledgeKind)}
            error={errors.kind}
          >
            <Stack gap="xs" mt="xs">
              {knowledgeKinds.map((k) => (
                <Radio key={k} value={k} label={t(`desk.knowledge.kind.${k}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={field('body')}
            description={help('bodyHelp')}
            value={values.body}
            onChange={(e) => set('body')(e.currentTarget.value)}
            error={errors.body}
            required
            autosize
            minRows={6}
            maxRows={20}
            maxLength={50_000}
          />
          {values.kind === 'knownError' && (
            <Textarea
              label={field('workaround')}
              description={help('workaroundHelp')}
              value={values.workaround}
              onChange={(e) => set('workaround')(e.currentTarget.value)}
              error={errors.workaround}
              required
              autosize
              minRows={3}
              maxRows={12}
              maxLength={10_000}
            />
          )}
          <Switch
            label={help('preview')}
            checked={preview}
            onChange={(e) => setPreview(e.currentTarget.checked)}
          />
          {preview && (
            <Paper withBorder p="md" aria-label={help('previewTitle')} component="section">
              <Text fw={600} mb="xs">
                {help('previewTitle')}
              </Text>
              <ArticleBody body={values.body} />
              {values.kind === 'knownError' && values.workaround.trim() && (
                <>
                  <Text fw={600} mt="md" mb="xs">
                    {field('workaround')}
                  </Text>
                  <ArticleBody body={values.workaround} />
                </>
              )}
            </Paper>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SystemSelect
              label={field('system')}
              description={help('systemHelp')}
              value={values.system}
              onChange={set('system')}
              error={errors.systemId}
            />
            <Select
              label={field('category')}
              description={help('categoryHelp')}
              data={ticketCategories.map((c) => ({ value: c, label: t(`desk.tickets.category.${c}`) }))}
              value={values.category}
              onChange={(v) => set('category')((v as TicketCategory) ?? null)}
              error={errors.category}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ProblemSelect
              label={field('problemTicket')}
              description={help('problemHelp')}
              placeholder={help('problemPlaceholder')}
              value={values.problem}
              onChange={set('problem')}
              error={errors.problemTicketId}
            />
            <TagsInput
              label={field('keywords')}
              description={help('keywordsHelp')}
              value={values.keywords}
              onChange={set('keywords')}
              error={errors.keywords}
              maxTags={20}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
            />
          </SimpleGrid>
          <DialogFooter
            onCancel={close}
            label={creating ? t('desk.knowledge.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
