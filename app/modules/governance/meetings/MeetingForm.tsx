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
import { meetingDay, meetingTime, stockholmInstant } from './time.ts';

// A new meeting: the forum (chosen already from a forum's page), the day and hours in Stockholm,
// the place, the chair and secretary (the forum's unless others serve at this meeting) and the
// justerare. Given a meeting, the same form changes it (with its version; the forum stays).

export function MeetingFormModal({
  opened,
  onClose,
  forum = null,
  meeting = null,
}: {
  opened: boolean;
  onClose: () => void;
  forum?: Named | null;
  /** The meeting to change; without it the form creates one. */
  meeting?: Meeting | null;
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
  const [secretary, setSecretary] = useState<Named | null>(null);
  const [adjuster, setAdjuster] = useState<Named | null>(null);
  // Each opening starts from the record as it stands (or blank for a new meeting).
  useEffect(() => {
    if (!opened) return;
    if (!meeting) {
      setForum(forum);
      return;
    }
    setForum({ id: meeting.forumId, name: meeting.forumName });
    setDate(meetingDay(meeting.startsAt));
    setStart(meetingTime(meeting.startsAt));
    setEnd(meetingTime(meeting.endsAt));
    setPlace(meeting.place ?? '');
    setChair(meeting.chair);
    setSecretary(meeting.secretary);
    setAdjuster(meeting.adjuster);
  }, [opened, forum, meeting]);
  const times = () => ({
    startsAt: date ? stockholmInstant(date, start) : '',
    endsAt: date ? stockholmInstant(date, end) : '',
    place: place.trim() || null,
  });
  const save = useMutation({
    mutationFn: () =>
      meeting
        ? api.patch<Meeting>(`/api/v1/meetings/${meeting.id}`, {
            version: meeting.version,
            ...times(),
            chairId: chair?.id ?? null,
            secretaryId: secretary?.id ?? null,
            adjusterId: adjuster?.id ?? null,
          })
        : api.post<Meeting>('/api/v1/meetings', {
            forumId: chosenForum?.id ?? '',
            ...times(),
            ...(chair ? { chairId: chair.id } : {}),
            ...(secretary ? { secretaryId: secretary.id } : {}),
            adjusterId: adjuster?.id ?? null,
          }),
    onSuccess: async (saved) => {
      await invalidate();
      notifySuccess(t(meeting ? 'governance.meetings.saved' : 'governance.meetings.created'));
      onClose();
      if (!meeting)
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
    <Dialog
      opened={opened}
      onClose={close}
      title={t(meeting ? 'governance.meetings.editTitle' : 'governance.meetings.createTitle')}
      size="lg"
    >
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
            fields={['forumId', 'startsAt', 'endsAt', 'place', 'chairId', 'secretaryId', 'adjusterId']}
          />
          <RemoteSelect
            path="/api/v1/forums"
            labelOf={(f) => String(f.name)}
            label={field('forum')}
            value={chosenForum}
            onChange={setForum}
            error={errors.forumId}
            disabled={!!meeting}
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
            description={meeting ? undefined : t('governance.meetings.chairHelp')}
            value={chair}
            onChange={setChair}
            error={errors.chairId}
          />
          <PersonSelect
            label={field('secretary')}
            description={meeting ? undefined : t('governance.meetings.secretaryHelp')}
            value={secretary}
            onChange={setSecretary}
            error={errors.secretaryId}
          />
          <PersonSelect
            label={field('adjuster')}
            value={adjuster}
            onChange={setAdjuster}
            error={errors.adjusterId}
          />
          <DialogFooter
            onCancel={close}
            label={meeting ? t('common.save') : t('governance.meetings.create')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
