import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutingConditions, RoutingPreview, RoutingRule } from '../../../../shared/desk/routing.ts';
import {
  type TicketCategory,
  type TicketType,
  ticketCategories,
  ticketTypes,
} from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { useDeskCan } from '../api.ts';
import { useRoutingInvalidate, useRoutingRules } from './api.ts';
import { RuleFormModal } from './RuleForm.tsx';

// The routing rules in the order they are tried, with what each asks of a ticket and where it sends
// it; admins reorder, switch and edit them. The preview below runs the server's own routing on a
// sample ticket and says which rule took it and why the ones before did not.

/** The conditions of a rule in words: "Typ: Incident · Nyckelord: skrivare, utskrift". */
function Conditions({ conditions }: { conditions: RoutingConditions }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (conditions.types?.length)
    parts.push(
      `${t('desk.routing.field.types')}: ${conditions.types.map((v) => t(`desk.tickets.type.${v}`)).join(', ')}`,
    );
  if (conditions.categories?.length)
    parts.push(
      `${t('desk.routing.field.categories')}: ${conditions.categories.map((v) => t(`desk.tickets.category.${v}`)).join(', ')}`,
    );
  if (conditions.keywords?.length)
    parts.push(`${t('desk.routing.field.keywords')}: ${conditions.keywords.join(', ')}`);
  if (conditions.systemIds?.length)
    parts.push(t('desk.routing.systems', { count: conditions.systemIds.length }));
  if (conditions.unitIds?.length) parts.push(t('desk.routing.units', { count: conditions.unitIds.length }));
  if (conditions.hasSystem !== undefined)
    parts.push(conditions.hasSystem ? t('desk.routing.hasSystem.yes') : t('desk.routing.hasSystem.no'));
  if (parts.length === 0) return <Text size="sm">{t('desk.routing.everyTicket')}</Text>;
  return <Text size="sm">{parts.join(' · ')}</Text>;
}

export function RoutingPage() {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const can = useDeskCan();
  const invalidate = useRoutingInvalidate();
  const configure = !!can.data?.configure;
  const [editing, setEditing] = useState<RoutingRule | null | 'new'>(null);
  const items = rules.data?.items ?? [];

  const move = useMutation({
    mutationFn: ({ index, by }: { index: number; by: number }) => {
      const ids = items.map((r) => r.id);
      const [id] = ids.splice(index, 1);
      ids.splice(index + by, 0, id!);
      return api.post('/api/v1/routing-rules/order', { ids });
    },
    onSettled: invalidate,
  });
  const toggle = useMutation({
    mutationFn: (rule: RoutingRule) =>
      api.patch(`/api/v1/routing-rules/${rule.id}`, { version: rule.version, active: !rule.active }),
    onSettled: invalidate,
  });

  return (
    <>
      <PageHeader
        title={t('desk.routing.title')}
        description={t('desk.routing.description')}
        breadcrumbs={[{ label: t('desk.navGroupAdmin') }, { label: t('desk.routing.title') }]}
        actions={
          configure ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('desk.routing.new')}
            </Button>
          ) : undefined
        }
      />
      <Stack>
        <ProblemAlert error={rules.error ?? move.error ?? toggle.error} />
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Caption>{t('desk.routing.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('desk.routing.position')}</Table.Th>
                <Table.Th scope="col">{t('desk.routing.field.name')}</Table.Th>
                <Table.Th scope="col">{t('desk.routing.conditions')}</Table.Th>
                <Table.Th scope="col">{t('desk.routing.sendsTo')}</Table.Th>
                <Table.Th scope="col">{t('desk.routing.field.active')}</Table.Th>
                {configure && <Table.Th scope="col">{t('desk.routing.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && !rules.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={configure ? 6 : 5}>
                    <Text size="sm">{t('desk.routing.none')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {items.map((rule, index) => (
                <Table.Tr key={rule.id}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {rule.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Conditions conditions={rule.conditions} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {rule.target === 'systemGroup'
                        ? t('desk.routing.target.systemGroup')
                        : (rule.groupName ?? <EmptyValue />)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {configure ? (
                      <Switch
                        aria-label={t('desk.routing.activeOf', { name: rule.name })}
                        checked={rule.active}
                        disabled={toggle.isPending}
                        onChange={() => toggle.mutate(rule)}
                      />
                    ) : (
                      <Text size="sm">{rule.active ? t('common.yes') : t('common.no')}</Text>
                    )}
                  </Table.Td>
                  {configure && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('desk.routing.moveUp', { name: rule.name })}
                          disabled={index === 0 || move.isPending}
                          onClick={() => move.mutate({ index, by: -1 })}
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('desk.routing.moveDown', { name: rule.name })}
                          disabled={index === items.length - 1 || move.isPending}
                          onClick={() => move.mutate({ index, by: 1 })}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('desk.routing.editOf', { name: rule.name })}
                          onClick={() => setEditing(rule)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm" c="dimmed">
          {t('desk.routing.fallback')}
        </Text>
        <PreviewSection />
      </Stack>
      {configure && (
        <RuleFormModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          rule={editing === 'new' ? null : editing}
        />
      )}
    </>
  );
}

/** Which rule a sample ticket would hit, and why each before it did not. */
function PreviewSection() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [type, setType] = useState<TicketType>('incident');
  const [category, setCategory] = useState<TicketCategory | null>(null);
  const preview = useMutation({
    mutationFn: () =>
      api.post<RoutingPreview>('/api/v1/routing-rules/preview', { title, description, type, category }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    preview.mutate();
  };
  const result = preview.data;
  return (
    <Section
      title={t('desk.routing.preview.title')}
      id="routing-preview"
      description={t('desk.routing.preview.description')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('desk.routing.field.types')}
              data={ticketTypes.map((v) => ({ value: v, label: t(`desk.tickets.type.${v}`) }))}
              value={type}
              onChange={(v) => v && setType(v as TicketType)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('desk.routing.field.categories')}
              data={ticketCategories.map((v) => ({ value: v, label: t(`desk.tickets.category.${v}`) }))}
              value={category}
              onChange={(v) => setCategory(v as TicketCategory | null)}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <TextInput
            label={t('desk.routing.preview.sampleTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200}
          />
          <Textarea
            label={t('desk.routing.preview.sampleDescription')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" loading={preview.isPending}>
              {t('desk.routing.preview.run')}
            </Button>
          </Group>
          <ProblemAlert error={preview.error} />
          {result && (
            <Alert role="status" title={t('desk.routing.preview.result')} color="blue">
              <Stack gap="xs">
                <Text size="sm">
                  {result.ruleName
                    ? t('desk.routing.preview.hit', { rule: result.ruleName, group: result.groupName ?? '–' })
                    : t('desk.routing.preview.noRule', { group: result.groupName ?? '–' })}
                </Text>
                {result.systemName && (
                  <Text size="sm">
                    {t('desk.routing.preview.systemFound', { system: result.systemName })}
                  </Text>
                )}
                <List size="sm" spacing={2}>
                  {result.trace.map((step) => (
                    <List.Item key={step.ruleId}>
                      {step.name}:{' '}
                      {step.matched ? (
                        <Badge color="green" variant="light">
                          {t('desk.routing.preview.matched')}
                        </Badge>
                      ) : (
                        t('desk.routing.preview.failed', {
                          condition: t(`desk.routing.failed.${step.failed}`),
                        })
                      )}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Section>
  );
}
