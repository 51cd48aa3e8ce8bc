import type { DataSource } from 'typeorm';
import type { ProviderSettings, ProviderSettingsView } from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';

/**
 * The provider organisation's own settings (issue 27.2): its contact person and 24/7 number for
 * the corporations that house its clients. Kept by its provider seat, for its own organisation
 * only (the permission `organisation:settings` and the actor's organisation: nothing to choose).
 */
export async function getProviderSettings(
  db: DataSource,
  actor: Actor,
): Promise<ProviderSettingsView> {
  const [row] = await db.query(
    'SELECT name, contact_name, contact_phone, emergency_phone FROM organisation WHERE id = $1',
    [actor.organisationId],
  );
  return {
    organisationName: row.name,
    providerContact: row.contact_name
      ? { name: row.contact_name, phone: row.contact_phone, emergencyPhone: row.emergency_phone }
      : null,
  };
}

export async function updateProviderSettings(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  input: ProviderSettings,
): Promise<ProviderSettingsView> {
  await db.transaction(async (tx) => {
    const { name, phone, emergencyPhone } = input.providerContact;
    await tx.query(
      'UPDATE organisation SET contact_name = $2, contact_phone = $3, emergency_phone = $4 WHERE id = $1',
      [actor.organisationId, name, phone, emergencyPhone],
    );
    await writeAudit(tx, context, {
      action: 'organisation.settings.update',
      objectType: 'organisation',
      objectId: actor.organisationId,
      purpose: 'administration',
      outcome: 'success',
      fields: ['providerContact'],
    });
  });
  return getProviderSettings(db, actor);
}
