import type { RegionMunicipality } from '@uitstroom/shared';

/**
 * The regions a visitor can try the rule on, with CBS population figures. A stand-in: once the
 * region's rule set is served by the API, this page reads the municipalities from there.
 */
export const tryoutRegions = {
  flevoland: {
    name: 'Flevoland',
    municipalities: [
      { code: 'GM0034', name: 'Almere', population: 226500 },
      { code: 'GM0303', name: 'Dronten', population: 43200 },
      { code: 'GM0995', name: 'Lelystad', population: 81800 },
      { code: 'GM0171', name: 'Noordoostpolder', population: 49300 },
      { code: 'GM0184', name: 'Urk', population: 22400 },
      { code: 'GM0050', name: 'Zeewolde', population: 24100 },
    ],
  },
  'midden-ijssel': {
    name: 'Midden-IJssel',
    municipalities: [
      { code: 'GM0150', name: 'Deventer', population: 102500 },
      { code: 'GM0262', name: 'Lochem', population: 34200 },
      { code: 'GM1773', name: 'Olst-Wijhe', population: 18500 },
      { code: 'GM0177', name: 'Raalte', population: 38300 },
      { code: 'GM0301', name: 'Zutphen', population: 48900 },
    ],
  },
} as const satisfies Record<
  string,
  { readonly name: string; readonly municipalities: readonly RegionMunicipality[] }
>;

export type TryoutRegionKey = keyof typeof tryoutRegions;
export const tryoutRegionKeys = Object.keys(tryoutRegions) as TryoutRegionKey[];

export function isTryoutRegionKey(key: string): key is TryoutRegionKey {
  return Object.hasOwn(tryoutRegions, key);
}
