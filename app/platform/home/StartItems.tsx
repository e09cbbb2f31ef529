import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useFormat } from '../format.ts';
import { RecordRefLink } from '../links.tsx';
import { Section } from '../page.tsx';
import { useSeam } from '../seam.ts';

// What waits for the signed-in person in every module (GET /api/v1/start: systems to classify,
// tickets near their deadline, documents due for review), one card per section a module registers.

interface StartItem {
  section: string;
  id: string;
  title: string;
  detail: string | null;
  href: string;
  due: string | null;
}

export function StartItems() {
  const { t } = useTranslation();
  const f = useFormat();
  const seam = useSeam();
  const start = useQuery({
    queryKey: ['start'],
    queryFn: () => api.get<{ items: StartItem[] }>('/api/v1/start'),
  });
  const items = start.data?.items ?? [];
  const sections = [...new Set(items.map((i) => i.section))];
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      {sections.map((section) => {
        const view = seam.startSections.get(section);
        return (
          <Section key={section} id={`home-${section}`} title={view ? t(view.label) : section}>
            <List spacing="xs" listStyleType="none">
              {items
                .filter((i) => i.section === section)
                .map((item) => (
                  <List.Item key={`${item.section}-${item.id}`}>
                    <Group justify="space-between" wrap="nowrap" gap="sm">
                      <Stack gap={0}>
                        <RecordRefLink name={item.title} href={item.href} />
                        {item.detail && (
                          <Text size="xs" c="dimmed">
                            {item.detail}
                          </Text>
                        )}
                      </Stack>
                      {item.due && (
                        <Badge variant="light" color={item.due < today ? 'red' : 'gray'} miw="fit-content">
                          {item.due < today
                            ? t('home.overdue', { date: f.date(item.due) })
                            : t('home.due', { date: f.date(item.due) })}
                        </Badge>
                      )}
                    </Group>
                  </List.Item>
                ))}
            </List>
          </Section>
        );
      })}
    </>
  );
}
