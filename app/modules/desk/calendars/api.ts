import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Calendar } from '../../../../shared/desk/calendars.ts';
import { api } from '../../../platform/api.ts';

// Data of business calendars, through TanStack Query.

export const calendarKeys = {
  all: ['desk', 'calendars'] as const,
  list: ['desk', 'calendars', 'list'] as const,
  one: (id: string) => ['desk', 'calendars', 'one', id] as const,
};

export function useCalendar(id: string) {
  return useQuery({
    queryKey: calendarKeys.one(id),
    queryFn: ({ signal }) => api.get<Calendar>(`/api/v1/calendars/${id}`, { signal }),
  });
}

export function useCalendarInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: calendarKeys.all });
}
