import { dwellingKindLabel, roomsLabel, type Dwelling } from '@uitstroom/shared';

/** `begane grond · rolstoeltoegankelijk`, `3e verdieping met lift`. */
export function accessibilitySummary(
  d: Pick<Dwelling, 'floor' | 'hasLift' | 'isWheelchairAccessible'>,
): string {
  const floor =
    d.floor <= 0
      ? d.floor < 0
        ? 'souterrain'
        : 'begane grond'
      : `${d.floor}e verdieping ${d.hasLift ? 'met' : 'zonder'} lift`;
  return d.isWheelchairAccessible ? `${floor} · rolstoeltoegankelijk` : floor;
}

/** `Appartement, 2 kamers`; a studio counts 0 rooms, which reads as just `Studio`. */
export function kindAndRooms(d: Pick<Dwelling, 'kind' | 'rooms'>): string {
  const kind = dwellingKindLabel[d.kind];
  if (d.rooms === 0) return kind;
  return `${kind}, ${roomsLabel(d.rooms)}`;
}

/** The badge's colour class: withdrawn, or else free, offered or let. */
export function dwellingBadgeClass(d: Pick<Dwelling, 'status' | 'occupancy'>): string {
  return `dwelling-badge dwelling-badge--${d.status === 'withdrawn' ? 'withdrawn' : d.occupancy}`;
}
