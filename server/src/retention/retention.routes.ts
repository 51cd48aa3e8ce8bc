import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  caseIdParamsSchema,
  eraseCaseSchema,
  erasureCandidateSchema,
  erasureResultSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import * as retention from './retention.service';

export function retentionRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/retention/candidates',
      tag: 'retention',
      summary:
        'Afgesloten casussen van de regio als voorstel tot wissen (pseudoniem, datum, uitkomst, bewaartermijn)',
      access: { permission: 'case:erase' },
      response: z.array(erasureCandidateSchema),
      handler: ({ context, actor }) => retention.listErasureCandidates(db, context, actor),
    }),
    defineRoute({
      method: 'post',
      path: '/api/retention/cases/:caseId/erase',
      tag: 'retention',
      summary: 'De persoonsgegevens van een afgesloten casus wissen (AVG art. 17)',
      access: { permission: 'case:erase' },
      params: caseIdParamsSchema,
      body: eraseCaseSchema,
      response: erasureResultSchema,
      handler: ({ params, body, context, actor }) =>
        retention.eraseCase(db, context, actor, params.caseId, body),
    }),
  ];
}
