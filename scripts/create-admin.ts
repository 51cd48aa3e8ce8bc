/**
 * `npm run create-admin -- --email beheer@regio.nl --region flevoland [--region-name Flevoland] [--name "Naam"]`
 * Creates the first regio-beheerder of a region (and the region itself when it does not exist yet)
 * and prints a one-time password. Meant for production, where no demo data is ever seeded.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseOrThrow, AppError } from '@uitstroom/shared';
import { createDataSource } from '../server/src/core/db';
import { hashPassword } from '../server/src/auth/passwords';

const argumentsSchema = z.strictObject({
  email: z.email().transform((e) => e.trim().toLowerCase()),
  region: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'Gebruik kleine letters, cijfers en streepjes (bijv. flevoland).'),
  'region-name': z.string().min(2).optional(),
  name: z.string().min(2).optional(),
});

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      region: { type: 'string' },
      'region-name': { type: 'string' },
      name: { type: 'string' },
    },
  });
  const args = parseOrThrow(argumentsSchema, values);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Zet DATABASE_URL naar de database van de app.');
  const db = createDataSource(url, { poolSize: 1 });
  await db.initialize();
  const password = randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(password);
  try {
    await db.transaction(async (tx) => {
      const regionName =
        args['region-name'] ?? args.region.replace(/(^|-)\w/g, (c) => c.toUpperCase());
      await tx.query(
        'INSERT INTO region (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING',
        [args.region, regionName],
      );
      const [region] = await tx.query('SELECT id, name FROM region WHERE slug = $1', [args.region]);
      const organisationName = `Regiobeheer ${region.name}`;
      await tx.query(
        `INSERT INTO organisation (region_id, kind, name) VALUES ($1, 'coordination', $2) ON CONFLICT (region_id, name) DO NOTHING`,
        [region.id, organisationName],
      );
      const [organisation] = await tx.query(
        'SELECT id FROM organisation WHERE region_id = $1 AND name = $2',
        [region.id, organisationName],
      );
      const [existing] = await tx.query('SELECT 1 FROM app_user WHERE email = $1', [args.email]);
      if (existing)
        throw new AppError('DUPLICATE_EMAIL', `Er bestaat al een gebruiker met ${args.email}.`);
      await tx.query(
        `INSERT INTO app_user (organisation_id, email, display_name, seat, password_hash) VALUES ($1, $2, $3, 'regionAdmin', $4)`,
        [organisation.id, args.email, args.name ?? args.email, passwordHash],
      );
    });
  } finally {
    await db.destroy();
  }
  console.log(`Regio-beheerder ${args.email} aangemaakt voor regio ${args.region}.`);
  console.log(`Eenmalig wachtwoord: ${password}`);
  console.log('Log hiermee in en kies meteen een eigen wachtwoord.');
}

main().catch((error) => {
  console.error(
    error instanceof AppError ? `${error.message} ${JSON.stringify(error.issues)}` : error,
  );
  process.exit(error instanceof AppError ? 2 : 1);
});
