import type { DataSource } from 'typeorm';
import { isGranted, ruleSetConfigSchema } from '@uitstroom/shared';
import { hashPassword } from '../auth';
import { seedDemoCases } from './demo-cases';
import { seedDemoDwellings } from './demo-dwellings';
import { demoPassword, demoRegions } from './demo-regions';

/** Fill an empty database with the demo regions. Returns false (and does nothing) when it has data. */
export async function seedDemoData(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM region');
  if (count > 0) return false;
  // One hash for every demo account: they share the password, and argon2 is slow on purpose.
  const passwordHash = await hashPassword(demoPassword);
  await dataSource.transaction(async (tx) => {
    for (const region of demoRegions) {
      const [{ id: regionId }] = await tx.query(
        'INSERT INTO region (slug, name) VALUES ($1, $2) RETURNING id',
        [region.slug, region.name],
      );
      for (const m of region.municipalities) {
        await tx.query(
          'INSERT INTO municipality (code, region_id, name, population, population_year) VALUES ($1, $2, $3, $4, $5)',
          [m.code, regionId, m.name, m.population, m.populationYear],
        );
      }
      // Version 1 of the region's rule set, made by the system (no author).
      const ruleSet = ruleSetConfigSchema.parse({
        ...region.ruleSet,
        municipalities: region.municipalities,
      });
      await tx.query(
        'INSERT INTO rule_set (region_id, version, config, created_by) VALUES ($1, 1, $2, NULL)',
        [regionId, JSON.stringify(ruleSet)],
      );
      for (const org of region.organisations) {
        const [{ id: organisationId }] = await tx.query(
          'INSERT INTO organisation (region_id, kind, name, municipality_code) VALUES ($1, $2, $3, $4) RETURNING id',
          [regionId, org.kind, org.name, org.municipalityCode ?? null],
        );
        // Issue 27.2: a provider keeps whom a corporation calls, day and night (fictional numbers).
        // The contact is the user who keeps the organisation's settings.
        const contact = org.users.find((u) => isGranted(u.seat, 'organisation:settings'));
        if (org.kind === 'provider' && contact)
          await tx.query(
            'UPDATE organisation SET contact_name = $2, contact_phone = $3, emergency_phone = $4 WHERE id = $1',
            [organisationId, contact.displayName, '0320 200 100', '0320 299 900'],
          );
        for (const user of org.users) {
          await tx.query(
            'INSERT INTO app_user (organisation_id, email, display_name, seat, password_hash) VALUES ($1, $2, $3, $4, $5)',
            [organisationId, user.email, user.displayName, user.seat, passwordHash],
          );
        }
      }
    }
    // The case files, once every region's organisations and users exist.
    await seedDemoCases(tx);
    // The corporations' dwellings and this year's contingents.
    await seedDemoDwellings(tx);
  });
  return true;
}
