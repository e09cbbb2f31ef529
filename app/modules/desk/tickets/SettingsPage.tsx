import { Button, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriorityMatrix, TicketSettings } from '../../../../shared/desk/tickets.ts';
import { api } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { RecordFallback } from '../../../platform/record-actions.tsx';

// The tenant's rules for tickets (admins): the priority of each impact × urgency, the days a
// solved ticket may be reopened, the days after which it is closed, and the desk's promised
// first-contact resolution. One form, saved with the version read (a stale one is refused and the
// settings read again).

const SETTINGS_KEY = ['desk', 'ticket-settings'];
const levels = [1, 2, 3] as const;

export function TicketSettingsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => api.get<TicketSettings>('/api/v1/desk/ticket-settings', { signal }),
  });
  const [matrix, setMatrix] = useState<PriorityMatrix | null>(null);
  const [reopenDays, setReopenDays] = useState<number | string>('');
  const [autoCloseDays, setAutoCloseDays] = useState<number | string>('');
  const [firstContact, setFirstContact] = useState<number | string>('');
  const data = settings.data;
  useEffect(() => {
    if (!data) return;
    setMatrix(data.priorityMatrix);
    setReopenDays(data.reopenDays);
    setAutoCloseDays(data.autoCloseDays);
    setFirstContact(data.firstContactTarget);
  }, [data]);
  const save = useMutation({
    mutationFn: () =>
      api.patch<TicketSettings>('/api/v1/desk/ticket-settings', {
        version: data!.version,
        priorityMatrix: matrix,
        reopenDays: Number(reopenDays),
        autoCloseDays: Number(autoCloseDays),
        firstContactTarget: Number(firstContact),
      }),
    onSuccess: async () => {
      notifySuccess(t('desk.tickets.settings.saved'));
      await client.invalidateQueries({ queryKey: SETTINGS_KEY });
    },
  });
  if (!data || !matrix) return <RecordFallback error={settings.error} />;
  const setCell = (impact: number, urgency: number, value: string | null) => {
    if (!value) return;
    const next = matrix.map((row) => [...row]) as PriorityMatrix;
    next[impact]![urgency] = Number(value) as 1 | 2 | 3 | 4;
    setMatrix(next);
  };
  return (
    <>
      <PageHeader
        title={t('desk.tickets.settings.title')}
        breadcrumbs={[{ label: t('desk.navGroupAdmin') }, { label: t('desk.tickets.settings.title') }]}
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="lg">
          <ProblemAlert
            error={save.error}
            onReload={() => client.invalidateQueries({ queryKey: SETTINGS_KEY })}
          />
          <Section
            id="priority-matrix"
            title={t('desk.tickets.settings.matrix')}
            description={t('desk.tickets.settings.matrixHelp')}
          >
            <Table withTableBorder maw={640}>
              <caption style={{ textAlign: 'left' }}>
                <Text size="sm">{t('desk.tickets.settings.matrixCaption')}</Text>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('desk.tickets.settings.impactUrgency')}</Table.Th>
                  {levels.map((u) => (
                    <Table.Th key={u} scope="col">
                      {t('desk.tickets.settings.urgency', { level: t(`desk.tickets.urgency.${u}`) })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {levels.map((impact) => (
                  <Table.Tr key={impact}>
                    <Table.Th scope="row">
                      {t('desk.tickets.settings.impact', { level: t(`desk.tickets.impact.${impact}`) })}
                    </Table.Th>
                    {levels.map((urgency) => (
                      <Table.Td key={urgency}>
                        <Select
                          aria-label={t('desk.tickets.settings.cell', {
                            impact: t(`desk.tickets.impact.${impact}`),
                            urgency: t(`desk.tickets.urgency.${urgency}`),
                          })}
                          data={[1, 2, 3, 4].map((p) => ({
                            value: String(p),
                            label: t(`desk.tickets.priority.${p}`),
                          }))}
                          value={String(matrix[impact - 1]![urgency - 1])}
                          onChange={(v) => setCell(impact - 1, urgency - 1, v)}
                          allowDeselect={false}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
          <Section id="ticket-periods" title={t('desk.tickets.settings.periods')}>
            <Group align="flex-end">
              <NumberInput
                label={t('desk.tickets.settings.reopenDays')}
                min={0}
                max={365}
                allowDecimal={false}
                value={reopenDays}
                onChange={setReopenDays}
                required
              />
              <NumberInput
                label={t('desk.tickets.settings.autoCloseDays')}
                min={1}
                max={365}
                allowDecimal={false}
                value={autoCloseDays}
                onChange={setAutoCloseDays}
                required
              />
              <NumberInput
                label={t('desk.tickets.settings.firstContactTarget')}
                min={1}
                max={100}
                allowDecimal={false}
                suffix=" %"
                value={firstContact}
                onChange={setFirstContact}
                required
              />
            </Group>
          </Section>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('desk.tickets.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
