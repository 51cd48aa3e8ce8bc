import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  caseIdParamsSchema,
  documentContentTypes,
  documentListSchema,
  documentParamsSchema,
  documentSummarySchema,
  documentUploadQuerySchema,
  maxDocumentBytes,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import * as documents from './documents.service';

const fileBodySchema = z.instanceof(Buffer, {
  error: 'Stuur het bestand zelf als inhoud (PDF, PNG of JPEG).',
});

/** `application/pdf; charset=binary` → `application/pdf`; the service decides whether it is one of ours. */
function mediaTypeOf(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** RFC 5987 / 6266: the name survives any characters, and cannot break out of the header. */
function attachmentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}

export function documentsRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/documents',
      tag: 'documents',
      status: 201,
      summary:
        'Een document toevoegen (PDF, PNG of JPEG, hoogstens 10 MB); het bestand is de inhoud, categorie en naam staan in de query',
      access: { permission: 'case:document:write' },
      params: caseIdParamsSchema,
      query: documentUploadQuerySchema,
      body: fileBodySchema,
      rawBody: {
        maxBytes: maxDocumentBytes,
        contentTypes: documentContentTypes,
        typeMessage: 'Alleen PDF, PNG of JPEG kunnen worden toegevoegd.',
      },
      response: documentSummarySchema,
      handler: ({ params, query, body, req, context, actor }) =>
        documents.uploadDocument(
          db,
          context,
          actor,
          params.caseId,
          query,
          mediaTypeOf(req.get('content-type')),
          body,
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/documents',
      tag: 'documents',
      summary: 'De documenten van de casus die u mag zien',
      access: { permission: 'case:document:read' },
      params: caseIdParamsSchema,
      response: documentListSchema,
      handler: ({ params, context, actor }) =>
        documents.listDocuments(db, context, actor, params.caseId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/documents/:documentId',
      tag: 'documents',
      summary: 'Een document downloaden',
      access: { permission: 'case:document:read' },
      params: documentParamsSchema,
      file: { contentTypes: documentContentTypes },
      handler: async ({ params, context, actor, res }) => {
        const { summary, content } = await documents.downloadDocument(
          db,
          context,
          actor,
          params.caseId,
          params.documentId,
        );
        // Never rendered inline nor sniffed into HTML, and not kept by a shared computer's cache.
        res.set({
          'Content-Type': summary.contentType,
          'Content-Disposition': attachmentDisposition(summary.filename),
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        });
        res.send(content);
        return undefined;
      },
    }),
  ];
}
