import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared/governance/meetings.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { DateField } from '../../../platform/inputs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { type Named, PersonSelect, RemoteSelect } from '../../desk/inputs.tsx';
import { useGovernanceInvalidate } from '../api.ts';
import { stockholmInstant } from './time.ts';

// A new meeting: the forum (chosen already from a forum's page), the day and hours in Stockholm,
// the place, the chair (the forum's unless another chairs this meeting) and the justerare.

export function MeetingFormModal({
  opened,
  onClose,
  forum = null,
}: {
  opened: boolean;
  onClose: () => void;
  forum?: Named | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useGovernanceInvalidate();
  const [chosenForum, setForum] = useState<Named | null>(forum);
  const [date, setDate] = useState<string | undefined>(undefined);
  const [start, setStart] = useState('13:00');
  const [end, setEnd] = useState('15:00');
  const [place, setPlace] = useState('');
  const [chair, setChair] = useState<Named | null>(null);
  const [adjuster, setAdjuster] = useState<Named | null>(null);
  useEffect(() => {
    if (opened) setForum(forum);
  }, [opened, forum]);
  const save = useMutation({
    mutationFn: () =>
      api.post<Meeting>('/api/v1/meetings', {
        forumId: chosenForum?.id ?? '',
        startsAt: date ? stockholmInstant(date, start) : '',
        endsAt: date ? stockholmInstant(date, end) : '',
        place: place.trim() || null,
        ...(chair ? { chairId: chair.id } : {}),
        adjusterId: adjuster?.id ?? null,
      }),
    onSuccess: async (saved) => {
      await invalidate();
      notifySuccess(t('governance.meetings.created'));
      onClose();
      await navigate({ to: '/governance/meetings/$meetingId', params: { meetingId: saved.id } });
    },
  });
  const errors = useFieldErrors(save.error);
  const field = (name: string) => t(`governance.meetings.field.${name}`);
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={close} title={t('governance.meetings.createTitle')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={['forumId', 'startsAt', 'endsAt', 'place', 'chairId', 'adjusterId']}
          />
          <RemoteSelect
            path="/api/v1/forums"
            labelOf={(f) => String(f.name)}
            label={field('forum')}
            value={chosenForum}
            onChange={setForum}
            error={errors.forumId}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField
              label={field('date')}
              value={date}
              onChange={setDate}
              error={errors.startsAt}
              required
            />
            <TextInput
              type="time"
              label={field('startTime')}
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
              required
            />
            <TextInput
              type="time"
              label={field('endTime')}
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={errors.endsAt}
              required
            />
          </SimpleGrid>
          <TextInput
            label={field('place')}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={errors.place}
            maxLength={200}
          />
          <PersonSelect
            label={field('chair')}
            description={t('governance.meetings.chairHelp')}
            value={chair}
            onChange={setChair}
            error={errors.chairId}
          />
          <PersonSelect
            label={field('adjuster')}
            value={adjuster}
            onChange={setAdjuster}
            error={errors.adjusterId}
          />
          <DialogFooter
            onCancel={close}
            label={t('governance.meetings.create')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
