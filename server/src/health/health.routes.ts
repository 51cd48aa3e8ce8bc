import type { DataSource } from 'typeorm';
import { healthSchema } from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';

export function healthRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/health',
      tag: 'health',
      summary: 'Gezondheid van de app en de database',
      access: { public: true, sessionless: true },
      response: healthSchema,
      handler: async ({ res }) => {
        const isDbUp = await db.query('SELECT 1').then(
          () => true,
          () => false,
        );
        res.status(isDbUp ? 200 : 503);
        return isDbUp
          ? { status: 'ok' as const, db: 'ok' as const }
          : { status: 'unavailable' as const, db: 'unavailable' as const };
      },
    }),
  ];
}
