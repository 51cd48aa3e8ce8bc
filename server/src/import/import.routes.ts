import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  dutchToday,
  importQuerySchema,
  importReportSchema,
  maxImportBytes,
} from '@uitstroom/shared';
import type { AppConfig } from '../core/config';
import type { Mailer } from '../core/mailer';
import { defineRoute } from '../core/http/route';
import { readMultipartFiles } from '../core/http/multipart';
import { linkBase } from '../auth';
import { downloadTemplate, fileTooLargeMessage, importFile } from './import.service';
import { workbookContentType } from './workbook';

const formBodySchema = z.instanceof(Buffer, { error: 'Stuur het bestand als formulier.' });

/** Room for the form's own lines around the file: the file itself is held to 20 MB by the service. */
const formOverheadBytes = 64 * 1024;

export function importRoutes(db: DataSource, config: AppConfig, mailer: Mailer) {
  const services = { config, mailer, baseUrl: linkBase(config) };
  return [
    defineRoute({
      method: 'get',
      path: '/api/import/template.xlsx',
      tag: 'import',
      summary:
        'Het sjabloon om een regio in te lezen: een blad per soort gegevens, een voorbeeldrij, een toelichting per kolom en de toegestane waarden',
      access: { permission: 'import:run' },
      file: { contentTypes: [workbookContentType] },
      handler: async ({ actor, res }) => {
        const workbook = await downloadTemplate(db, actor);
        res.set({
          'Content-Type': workbookContentType,
          'Content-Disposition': `attachment; filename="sjabloon-gegevens-inlezen-${dutchToday()}.xlsx"`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        });
        res.send(workbook);
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/import',
      tag: 'import',
      summary:
        'Organisaties, gebruikers, casussen, adressen, woningen en contingenten inlezen (formulierveld file: een .xlsx, of CSV-bestanden per blad; hoogstens 20 MB): alles of niets; dryRun=true slaat niets op. Een fout per cel op <blad>.<rij>.<kolom>',
      access: { permission: 'import:run' },
      query: importQuerySchema,
      body: formBodySchema,
      rawBody: {
        maxBytes: maxImportBytes + formOverheadBytes,
        contentTypes: ['multipart/form-data'],
        typeMessage: 'Stuur het bestand als formulier (multipart/form-data) in het veld file.',
        tooLarge: { path: 'file', message: fileTooLargeMessage },
      },
      response: importReportSchema,
      handler: ({ query, body, req, context, actor }) =>
        importFile(
          db,
          services,
          context,
          actor,
          readMultipartFiles(body, req.get('content-type'), 'file'),
          { isDryRun: query.dryRun },
        ),
    }),
  ];
}
