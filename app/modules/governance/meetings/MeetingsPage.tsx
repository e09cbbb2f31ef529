import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../platform/page.tsx';
import { CalendarFeeds } from './CalendarFeeds.tsx';
import { MeetingsTable, NewMeeting } from './MeetingsTable.tsx';
// The meetings, latest first: all of them on their own page, a forum's on the forum's page.

export function MeetingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('governance.meetings.title')}
        breadcrumbs={[{ label: t('governance.navGroup') }, { label: t('governance.meetings.title') }]}
        description={t('governance.meetings.description')}
        actions={<NewMeeting />}
      />
      <Stack gap="md">
        <MeetingsTable caption={t('governance.meetings.caption')} />
        <CalendarFeeds forumId={null} />
      </Stack>
    </>
  );
}
