import { taskListSchema, type TaskList } from '@uitstroom/shared';
import { useQuery } from '@tanstack/react-query';
import { apiClient, request } from '../core/api';
import { queryKeys } from '../core/query/query-keys';

export function fetchTasks(signal?: AbortSignal): Promise<TaskList> {
  return request(apiClient.GET('/api/tasks', { signal }), { schema: taskListSchema });
}

/** The seat's tasks: read again after every navigation and when a notification arrives (see the shell). */
export function useTasks() {
  return useQuery({ queryKey: queryKeys.tasks, queryFn: ({ signal }) => fetchTasks(signal) });
}
