import { Box, Breadcrumbs, Group, Paper, type PaperProps, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from './links.tsx';

// The frame of every page: a document title, breadcrumbs, one h1 with its actions, and sections
// (h2) on white cards.

export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} – ${t('app.name')}` : t('app.name');
  }, [title, t]);
}

export interface Crumb {
  label: string;
  to?: string;
  params?: Record<string, string>;
}

interface PageHeaderProps {
  title: ReactNode;
  /** Plain text title for the document title when `title` is not a string. */
  documentTitle?: string;
  breadcrumbs?: Crumb[];
  description?: ReactNode;
  badges?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({
  title,
  documentTitle,
  breadcrumbs,
  description,
  badges,
  actions,
}: PageHeaderProps) {
  const { t } = useTranslation();
  usePageTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  return (
    <Stack gap={6} mb="lg">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav aria-label={t('app.breadcrumbs')}>
          <Breadcrumbs separatorMargin={6} styles={{ root: { flexWrap: 'wrap', rowGap: 4 } }}>
            {breadcrumbs.map((crumb) =>
              crumb.to ? (
                <RouterAnchor
                  key={crumb.label + crumb.to}
                  size="sm"
                  // Crumb targets are plain strings; the routes they name are built by the pages.
                  to={crumb.to as never}
                  params={crumb.params as never}
                >
                  {crumb.label}
                </RouterAnchor>
              ) : (
                <Text key={crumb.label} size="sm" c="dimmed">
                  {crumb.label}
                </Text>
              ),
            )}
          </Breadcrumbs>
        </nav>
      )}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Box style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {badges}
          </Group>
          {description && (
            <Text c="dimmed" size="sm" mt={4}>
              {description}
            </Text>
          )}
        </Box>
        {actions && (
          <Group gap="sm" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}

interface SectionProps extends Omit<PaperProps, 'title'> {
  title: ReactNode;
  /** id for aria-labelledby; the heading gets it. */
  id: string;
  actions?: ReactNode;
  children: ReactNode;
  description?: ReactNode;
}

/** A white card with an h2: one part of a page. */
export function Section({ title, id, actions, children, description, ...paper }: SectionProps) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="lg" {...paper}>
      <Group justify="space-between" align="center" mb="md" gap="sm" wrap="wrap">
        <Box>
          <Title order={2} id={id}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" mt={2}>
              {description}
            </Text>
          )}
        </Box>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Paper>
  );
}

/** Label/value pairs as a description list. */
export function DetailList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
        gap: '14px 24px',
      }}
    >
      {items.map((item) => (
        <div key={item.label}>
          <Text
            component="dt"
            size="xs"
            fw={600}
            c="dimmed"
            tt="uppercase"
            style={{ letterSpacing: '0.03em' }}
          >
            {item.label}
          </Text>
          <Text component="dd" m={0} mt={2} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {item.value === null || item.value === undefined || item.value === '' ? (
              <EmptyValue />
            ) : (
              item.value
            )}
          </Text>
        </div>
      ))}
    </Box>
  );
}

export function EmptyValue() {
  const { t } = useTranslation();
  return (
    <Text span c="dimmed" size="sm">
      <span aria-hidden>–</span>
      <span className="visually-hidden">{t('common.notSet')}</span>
    </Text>
  );
}
