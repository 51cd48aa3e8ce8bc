import type { DwellingInput } from './dwelling.schemas';

/** A complete, valid dwelling (Lelystad, via the provider, converting after a year), overridable per test. */
export const validDwelling: DwellingInput = {
  street: 'Agorahof',
  houseNumber: '12A',
  postcode: '8224 JX',
  municipalityCode: 'GM0995',
  neighbourhood: 'Atolwijk',
  kind: 'apartment',
  rooms: 2,
  rent: 612.5,
  floor: 1,
  hasLift: true,
  isWheelchairAccessible: false,
  availableFrom: '2026-03-01',
  tenancyForm: 'viaProvider',
  conversionDate: '2027-03-01',
  conversionConditions: 'Een jaar zonder huurachterstand en begeleiding volgens plan.',
};
