import type { EntityManager } from 'typeorm';
import type {
  CaseDraft,
  CaseState,
  ExistingState,
  ImportData,
  OrganisationKind,
  Seat,
} from '@uitstroom/shared';
import { contingentKey } from '@uitstroom/shared';

/**
 * What the region holds under the keys a file names, read in a handful of set-based queries
 * (never one per row), and the lock that lets one import of a region run at a time.
 */

/** Two imports of one region at once would both create the same case: the second waits. */
export async function lockRegionImport(db: EntityManager, regionId: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`import:${regionId}`]);
}

export interface ExistingCase {
  id: string;
  pseudonym: string;
  state: CaseState;
  sections: CaseDraft;
  ownerUserId: string;
}

export interface ExistingRecords extends ExistingState {
  caseRecords: ReadonlyMap<string, ExistingCase>;
  dwellingIds: ReadonlyMap<string, string>;
  /** `corporation|address key` → the external reference of the dwelling there (null: registered by hand). */
  takenAddresses: ReadonlyMap<string, string | null>;
}

export async function loadExisting(
  db: EntityManager,
  regionId: string,
  data: ImportData,
): Promise<ExistingRecords> {
  const emails = [
    ...new Set([...data.users.map((u) => u.email), ...data.cases.map((c) => c.caseManagerEmail)]),
  ];
  const corporations = [
    ...new Set([...data.dwellings, ...data.contingents].map((d) => d.corporationName)),
  ];
  // One after the other: inside the import's transaction they share one connection.
  const organisations: {
    name: string;
    kind: OrganisationKind;
    municipality_code: string | null;
  }[] = await db.query(
    'SELECT name, kind, trim(municipality_code) AS municipality_code FROM organisation WHERE region_id = $1',
    [regionId],
  );
  const users: {
    email: string;
    display_name: string;
    seat: Seat;
    organisation_name: string;
    is_own_region: boolean;
  }[] = await db.query(
    `SELECT u.email, u.display_name, u.seat, o.name AS organisation_name, o.region_id = $1 AS is_own_region
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = ANY($2::text[])`,
    [regionId, emails],
  );
  const cases: {
    id: string;
    pseudonym: string;
    external_ref: string;
    state: CaseState;
    sections: CaseDraft;
    owner_user_id: string;
    import_digest: string | null;
    address_digests: string[];
  }[] = await db.query(
    `SELECT id, pseudonym, external_ref, state, sections, owner_user_id, import_digest, coalesce(import_address_digests, '{}') AS address_digests
         FROM case_file WHERE region_id = $1 AND external_ref = ANY($2::text[])`,
    [regionId, data.cases.map((c) => c.externalRef)],
  );
  const dwellings: {
    id: string;
    external_ref: string;
    import_digest: string | null;
    corporation_name: string;
  }[] = await db.query(
    `SELECT d.id, d.external_ref, d.import_digest, o.name AS corporation_name
         FROM dwelling d JOIN organisation o ON o.id = d.organisation_id
        WHERE d.region_id = $1 AND d.external_ref = ANY($2::text[])`,
    [regionId, data.dwellings.map((d) => d.externalRef)],
  );
  const contingents: {
    corporation_name: string;
    municipality_code: string;
    year: number;
    promised: number | null;
  }[] = await db.query(
    `SELECT o.name AS corporation_name, trim(c.municipality_code) AS municipality_code, c.year, c.promised
         FROM contingent c JOIN organisation o ON o.id = c.organisation_id WHERE c.region_id = $1`,
    [regionId],
  );
  const addresses: {
    corporation_name: string;
    address_key: string;
    external_ref: string | null;
  }[] = await db.query(
    `SELECT o.name AS corporation_name, d.address_key, d.external_ref
         FROM dwelling d JOIN organisation o ON o.id = d.organisation_id
        WHERE d.region_id = $1 AND d.status <> 'withdrawn' AND o.name = ANY($2::text[])`,
    [regionId, corporations],
  );

  return {
    organisations: new Map(
      organisations.map((o) => [o.name, { kind: o.kind, municipalityCode: o.municipality_code }]),
    ),
    users: new Map(
      users.map((u) => [
        u.email,
        {
          displayName: u.display_name,
          seat: u.seat,
          organisationName: u.organisation_name,
          isOwnRegion: u.is_own_region,
        },
      ]),
    ),
    cases: new Map(
      cases.map((c) => [
        c.external_ref,
        { state: c.state, digest: c.import_digest, addressDigests: c.address_digests },
      ]),
    ),
    caseRecords: new Map(
      cases.map((c) => [
        c.external_ref,
        {
          id: c.id,
          pseudonym: c.pseudonym,
          state: c.state,
          sections: c.sections,
          ownerUserId: c.owner_user_id,
        },
      ]),
    ),
    dwellings: new Map(
      dwellings.map((d) => [
        d.external_ref,
        { corporationName: d.corporation_name, digest: d.import_digest },
      ]),
    ),
    dwellingIds: new Map(dwellings.map((d) => [d.external_ref, d.id])),
    contingents: new Map(
      contingents.map((c) => [
        contingentKey({
          corporationName: c.corporation_name,
          municipalityCode: c.municipality_code,
          year: c.year,
        }),
        { promised: c.promised },
      ]),
    ),
    takenAddresses: new Map(
      addresses.map((a) => [`${a.corporation_name}|${a.address_key}`, a.external_ref]),
    ),
  };
}

/** The case managers named by the file, with their organisation: an imported case belongs to it. */
export async function caseManagersByEmail(
  db: EntityManager,
  regionId: string,
  emails: readonly string[],
): Promise<Map<string, { userId: string; organisationId: string }>> {
  const rows: { email: string; id: string; organisation_id: string }[] = await db.query(
    `SELECT u.email, u.id, u.organisation_id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE o.region_id = $1 AND u.email = ANY($2::text[])`,
    [regionId, emails],
  );
  return new Map(rows.map((r) => [r.email, { userId: r.id, organisationId: r.organisation_id }]));
}
