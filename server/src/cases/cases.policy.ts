import type { CaseSectionName, Seat } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';

/**
 * Which cases a seat reaches (domain.md §5), as one SQL condition on `case_file c` that every list
 * and lookup of the module uses: a case outside it is "not found". Where a seat's reach rests on a
 * part still to be built (a corporation's dwellings and offers), it reaches nothing by that route
 * until that part adds its condition — fail closed.
 */
export function caseScope(actor: Actor, params: unknown[]): string {
  const param = (value: unknown) => { params.push(value); return `$${params.length}`; };
  switch (actor.seat) {
    case 'casemanager':
      return `c.owner_organisation_id = ${param(actor.organisationId)}`;
    case 'chair':
      // The region's case list (the projection leaves out the sensitive fields).
      return `c.region_id = ${param(actor.regionId)}`;
    case 'municipality': {
      if (!actor.municipalityCode) return 'FALSE';
      const code = param(actor.municipalityCode);
      return `c.region_id = ${param(actor.regionId)} AND (c.origin_code = ${code} OR c.proposed_destination_code = ${code} OR c.decided_destination_code = ${code})`;
    }
    case 'corporation':
      // The cases on the shared agenda of a table it is invited to (dwellings and offers add theirs later).
      return `EXISTS (SELECT 1 FROM agenda_item ai JOIN outflow_table t ON t.id = ai.table_id
        JOIN outflow_table_invitation inv ON inv.table_id = t.id
        WHERE ai.case_id = c.id AND ai.status IN ('open', 'decided') AND t.state <> 'planned' AND inv.organisation_id = ${param(actor.organisationId)})`;
    case 'provider':
      // The cases the table gave to its organisation for follow-up support.
      return `EXISTS (SELECT 1 FROM table_decision d WHERE d.case_id = c.id AND d.follow_up_provider_id = ${param(actor.organisationId)})`;
    case 'regionAdmin':
      return 'FALSE';
  }
}

/** The sections each seat may write. A write touching any other section is refused whole. */
export const writableSections = {
  casemanager: ['identity', 'contact', 'household', 'stay', 'addresses', 'isOriginUntraceable', 'wishes', 'housingNeeds', 'supportNeeds', 'sensitive', 'exceptions', 'excluded'],
  chair: [],
  municipality: [],
  corporation: [],
  provider: [],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly CaseSectionName[]>;

export function sectionsNotWritable(seat: Seat, sections: readonly string[]): string[] {
  const allowed = writableSections[seat] as readonly string[];
  return sections.filter((section) => !allowed.includes(section));
}

/** A case manager works on the cases of their own organisation; handing over stays inside it. */
export function isOwnOrganisationCase(actor: Actor, ownerOrganisationId: string): boolean {
  return actor.seat === 'casemanager' && actor.organisationId === ownerOrganisationId;
}
