import { taskListSchema, type TaskList } from '@uitstroom/shared';
import { api } from '../core/api';

export function fetchTasks(signal?: AbortSignal): Promise<TaskList> {
  return api('GET', '/api/tasks', { schema: taskListSchema, signal });
}
