import { taskListSchema, type TaskList } from '@uitstroom/shared';
import { apiClient, request } from '../core/api';

export function fetchTasks(signal?: AbortSignal): Promise<TaskList> {
  return request(apiClient.GET('/api/tasks', { signal }), { schema: taskListSchema });
}
