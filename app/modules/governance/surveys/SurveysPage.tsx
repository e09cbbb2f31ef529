import { Button, Stack, Switch, Table, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyTemplate } from '../../../../shared/governance/surveys.ts';
import { ArchivedBadge } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { CursorTable, FilterBar, ListActions, SearchField } from '../../../platform/list-page.tsx';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { useCursorList } from '../../../platform/table.tsx';
import { useGovernanceSettings } from '../api.ts';
import { surveyKeys } from './api.ts';
import { questionCount, RoundsTable, StartRoundModal } from './rounds.tsx';

// The self-assessment's start: the templates (searchable, archived ones on request) and the
// rounds, newest year first, each with how far it is answered. Keepers create templates and start
// a forum's round of a year.

export function SurveysPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<string | undefined>();
  const [archived, setArchived] = useState(false);
  const pushSearch = useDebouncedCallback((value: string) => setSearch(value.trim() || undefined), 250);
  const params = { search, includeArchived: archived || undefined };
  const list = useCursorList<SurveyTemplate>(surveyKeys.templateList, '/api/v1/surveys', {
    ...params,
    limit: 50,
  });
  const settings = useGovernanceSettings();
  const keeps = !!settings.data?.can.update;
  const [starting, setStarting] = useState(false);
  const field = (name: string) => t(`governance.surveys.field.${name}`);

  return (
    <>
      <PageHeader
        title={t('governance.surveys.title')}
        description={t('governance.surveys.description')}
        breadcrumbs={[{ label: t('governance.navGroup') }, { label: t('governance.surveys.title') }]}
        actions={
          <ListActions
            exportPath="/api/v1/surveys/export"
            exportParams={params}
            create={
              keeps
                ? {
                    icon: <IconPlus size={16} aria-hidden />,
                    label: t('governance.surveys.newTemplate'),
                    onClick: () => void navigate({ to: '/governance/surveys/new' }),
                  }
                : undefined
            }
          />
        }
      />
      <Stack gap="md">
        <Section id="survey-templates" title={t('governance.surveys.templates')}>
          <FilterBar label={t('governance.surveys.filters')}>
            <SearchField
              label={t('governance.surveys.search')}
              placeholder={t('governance.surveys.searchPlaceholder')}
              value={text}
              onChange={(value) => {
                setText(value);
                pushSearch(value);
              }}
            />
            <Switch
              label={t('governance.surveys.includeArchived')}
              checked={archived}
              onChange={(e) => setArchived(e.currentTarget.checked)}
              mb={8}
            />
          </FilterBar>
          <CursorTable
            bordered={false}
            list={list}
            caption={t('governance.surveys.templatesCaption')}
            colSpan={4}
            minWidth={640}
            emptyText={
              search ? t('governance.surveys.noTemplatesMatch') : t('governance.surveys.noTemplates')
            }
            head={
              <Table.Tr>
                <Table.Th scope="col">{field('title')}</Table.Th>
                <Table.Th scope="col">{field('questions')}</Table.Th>
                <Table.Th scope="col">{field('revision')}</Table.Th>
                <Table.Th scope="col">{field('rounds')}</Table.Th>
              </Table.Tr>
            }
          >
            {list.items.map((template) => (
              <Table.Tr key={template.id}>
                <Table.Td>
                  <RouterAnchor
                    to="/governance/surveys/$templateId"
                    params={{ templateId: template.id }}
                    fw={500}
                    size="sm"
                  >
                    {template.title}
                  </RouterAnchor>{' '}
                  {template.archivedAt && <ArchivedBadge />}
                </Table.Td>
                <Table.Td>
                  <Text span size="sm">
                    {f.number(questionCount(template))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text span size="sm">
                    {f.number(template.revision)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text span size="sm">
                    {f.number(template.rounds)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </CursorTable>
        </Section>
        <Section
          id="survey-rounds"
          title={t('governance.surveys.rounds')}
          actions={
            keeps ? (
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                variant="default"
                onClick={() => setStarting(true)}
              >
                {t('governance.surveys.startRound')}
              </Button>
            ) : undefined
          }
        >
          <RoundsTable bordered={false} />
        </Section>
      </Stack>
      {keeps && <StartRoundModal opened={starting} onClose={() => setStarting(false)} />}
    </>
  );
}
