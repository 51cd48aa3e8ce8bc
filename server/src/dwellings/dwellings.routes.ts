import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  caseDwellingFitsSchema,
  caseIdParamsSchema,
  contingentIdParamsSchema,
  contingentListQuerySchema,
  contingentListSchema,
  contingentSchema,
  createContingentSchema,
  dwellingCaseFitsSchema,
  dwellingIdParamsSchema,
  dwellingImportContentTypes,
  dwellingImportResultSchema,
  dwellingInputSchema,
  dwellingListQuerySchema,
  dwellingSchema,
  exportFormats,
  maxDwellingImportBytes,
  updateContingentSchema,
  updateDwellingSchema,
  withdrawDwellingSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import { sendDownload } from '../core/http/download';
import { exportContentType, exportFormatName } from '../core/export-file';
import * as dwellings from './dwellings.service';
import * as contingents from './contingents.service';
import { importDwellings } from './dwelling-import.service';

const csvBodySchema = z.instanceof(Buffer, { error: 'Stuur het CSV-bestand zelf als inhoud.' });

/** `text/csv; charset=utf-8` → `text/csv`; the service decides whether it is a CSV. */
function mediaTypeOf(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase() || undefined;
}

export function dwellingsRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/dwellings',
      tag: 'dwellings',
      summary: 'De woningen van uw corporatie, met filters',
      access: { permission: 'dwelling:read' },
      query: dwellingListQuerySchema,
      response: z.array(dwellingSchema),
      handler: ({ query, actor }) => dwellings.listDwellings(db, actor, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/dwellings',
      tag: 'dwellings',
      summary: 'Een woning registreren',
      status: 201,
      access: { permission: 'dwelling:write' },
      body: dwellingInputSchema,
      response: dwellingSchema,
      handler: ({ body, context, actor }) => dwellings.createDwelling(db, context, actor, body),
    }),
    ...exportFormats.map((format) =>
      defineRoute({
        method: 'get',
        path: `/api/dwellings.${format}`,
        tag: 'dwellings',
        summary: `De woningen van uw corporatie als ${exportFormatName[format]}: kolommen als bij inlezen, plus status`,
        access: { permission: 'dwelling:read' },
        query: dwellingListQuerySchema,
        file: { contentTypes: [exportContentType[format]] },
        handler: async ({ query, context, actor, res }) =>
          sendDownload(res, await dwellings.exportDwellings(db, context, actor, query, format)),
      }),
    ),
    defineRoute({
      method: 'post',
      path: '/api/dwellings/import',
      tag: 'dwellings',
      status: 201,
      summary:
        'Woningen inlezen uit een CSV (UTF-8 of Windows-1252, ; of ,): alles of niets; bij een fout een rapport per rij in details',
      access: { permission: 'dwelling:write' },
      body: csvBodySchema,
      response: dwellingImportResultSchema,
      rawBody: {
        maxBytes: maxDwellingImportBytes,
        contentTypes: dwellingImportContentTypes,
        typeMessage: 'Stuur een CSV-bestand (text/csv).',
      },
      handler: ({ body, req, context, actor }) =>
        importDwellings(db, context, actor, mediaTypeOf(req.get('content-type')), body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/dwellings/:dwellingId',
      tag: 'dwellings',
      summary: 'Eén woning van uw corporatie',
      access: { permission: 'dwelling:read' },
      params: dwellingIdParamsSchema,
      response: dwellingSchema,
      handler: ({ params, actor }) => dwellings.getDwelling(db, actor, params.dwellingId),
    }),
    defineRoute({
      method: 'put',
      path: '/api/dwellings/:dwellingId',
      tag: 'dwellings',
      summary: 'Een woning wijzigen; 409 bij een verouderde versie',
      access: { permission: 'dwelling:write' },
      params: dwellingIdParamsSchema,
      body: updateDwellingSchema,
      response: dwellingSchema,
      handler: ({ params, body, context, actor }) =>
        dwellings.updateDwelling(
          db,
          context,
          actor,
          params.dwellingId,
          body.version,
          body.dwelling,
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/dwellings/:dwellingId/withdraw',
      tag: 'dwellings',
      summary: 'Een woning intrekken, met een reden (de woning blijft bewaard)',
      access: { permission: 'dwelling:write' },
      params: dwellingIdParamsSchema,
      body: withdrawDwellingSchema,
      response: dwellingSchema,
      handler: ({ params, body, context, actor }) =>
        dwellings.withdrawDwelling(
          db,
          context,
          actor,
          params.dwellingId,
          body.version,
          body.reason,
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/api/dwellings/:dwellingId/cases',
      tag: 'dwellings',
      summary:
        'Casussen die een woning zoeken in de gemeente van deze woning, best passend eerst, met redenen',
      access: { permission: 'dwelling:match' },
      params: dwellingIdParamsSchema,
      response: dwellingCaseFitsSchema,
      handler: ({ params, context, actor }) =>
        dwellings.caseFitsForDwelling(db, context, actor, params.dwellingId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/dwelling-fits',
      tag: 'dwellings',
      summary:
        'Uw woningen die passen bij een casus die een woning zoekt, best passend eerst, met redenen',
      access: { permission: 'dwelling:match' },
      params: caseIdParamsSchema,
      response: caseDwellingFitsSchema,
      handler: ({ params, context, actor }) =>
        dwellings.dwellingFitsForCase(db, context, actor, params.caseId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/contingents',
      tag: 'contingents',
      summary: 'Contingenten van een jaar (standaard dit jaar) met voortgang, binnen uw bereik',
      access: { permission: 'contingent:read' },
      query: contingentListQuerySchema,
      response: contingentListSchema,
      handler: ({ query, actor }) => contingents.listContingents(db, actor, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/contingents',
      tag: 'contingents',
      summary: 'Een contingent vastleggen (corporatie × gemeente × jaar; het aantal mag leeg zijn)',
      status: 201,
      access: { permission: 'contingent:write' },
      body: createContingentSchema,
      response: contingentSchema,
      handler: ({ body, context, actor }) => contingents.createContingent(db, context, actor, body),
    }),
    ...exportFormats.map((format) =>
      defineRoute({
        method: 'get',
        path: `/api/contingents.${format}`,
        tag: 'contingents',
        summary: `De contingenten van een jaar met voortgang als ${exportFormatName[format]}`,
        access: { permission: 'contingent:read' },
        query: contingentListQuerySchema,
        file: { contentTypes: [exportContentType[format]] },
        handler: async ({ query, context, actor, res }) =>
          sendDownload(res, await contingents.exportContingents(db, context, actor, query, format)),
      }),
    ),
    defineRoute({
      method: 'patch',
      path: '/api/contingents/:contingentId',
      tag: 'contingents',
      summary: 'Het toegezegde aantal wijzigen; 409 bij een verouderde versie',
      access: { permission: 'contingent:write' },
      params: contingentIdParamsSchema,
      body: updateContingentSchema,
      response: contingentSchema,
      handler: ({ params, body, context, actor }) =>
        contingents.updateContingent(db, context, actor, params.contingentId, body),
    }),
  ];
}
