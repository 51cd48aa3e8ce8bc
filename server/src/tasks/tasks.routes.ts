import type { DataSource } from 'typeorm';
import { taskListSchema } from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import * as tasks from './tasks.service';

export function tasksRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/tasks',
      tag: 'tasks',
      summary: 'Mijn taken: wat u nu kunt en moet doen, met de pagina waar dat gebeurt',
      access: { permission: 'task:read' },
      response: taskListSchema,
      handler: ({ context, actor }) => tasks.listTasks(db, context, actor),
    }),
  ];
}
