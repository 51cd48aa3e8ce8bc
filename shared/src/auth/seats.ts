import { z } from 'zod';

/** A seat is a user's role within an organisation (domain.md §1). English identifiers in code, Dutch in the UI. */
export const seats = [
  'casemanager',
  'chair',
  'municipality',
  'corporation',
  'provider',
  'regionAdmin',
] as const;
export const seatSchema = z.enum(seats);
export type Seat = z.infer<typeof seatSchema>;

export const seatLabel: Record<Seat, string> = {
  casemanager: 'Casemanager / regisseur',
  chair: 'Tafelvoorzitter',
  municipality: 'Gemeente',
  corporation: 'Woningcorporatie',
  provider: 'Zorgaanbieder (ambulant)',
  regionAdmin: 'Regio-beheerder',
};

export const organisationKinds = [
  'municipality',
  'corporation',
  'provider',
  'coordination',
] as const;
export const organisationKindSchema = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

export const organisationKindLabel: Record<OrganisationKind, string> = {
  municipality: 'Gemeente',
  corporation: 'Woningcorporatie',
  provider: 'Zorgaanbieder',
  coordination: 'Regionale coördinatie',
};

/**
 * Which seats an organisation of a kind can hold. A case manager works at a care provider or at the
 * regional access team (coordination); the chair and the region's administrator sit at coordination.
 */
export const seatsByOrganisationKind: Record<OrganisationKind, readonly Seat[]> = {
  municipality: ['municipality'],
  corporation: ['corporation'],
  provider: ['provider', 'casemanager'],
  coordination: ['chair', 'regionAdmin', 'casemanager'],
};

export function canOrganisationHoldSeat(kind: OrganisationKind, seat: Seat): boolean {
  return seatsByOrganisationKind[kind].includes(seat);
}
