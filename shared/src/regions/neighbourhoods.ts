/**
 * The wijken (neighbourhoods) a resident can wish for or avoid, per municipality of the demo
 * regions, as residents and corporations name them. The intake offers these as a list, so that a
 * wish is a name the dwelling fit can compare with a dwelling's wijk, not free text. Within a
 * region every name is unique (a test checks), so a stored name needs no municipality beside it.
 * A municipality without a list here gets none offered (its wishes stay in the note).
 */
export const neighbourhoodsByMunicipality: Readonly<Record<string, readonly string[]>> = {
  // Flevoland
  GM0034: [
    'Almere Haven',
    'Almere Stad-Centrum',
    'Stedenwijk',
    'Muziekwijk',
    'Filmwijk',
    'Verzetswijk',
    'Kruidenwijk',
    'Danswijk',
    'Tussen de Vaarten',
    'Parkwijk',
    'Literatuurwijk',
    'Almere Buiten',
    'Regenboogbuurt',
    'Almere Poort',
    'Almere Hout',
    'Nobelhorst',
  ],
  GM0995: [
    'Atolwijk',
    'Bolder',
    'Boswijk',
    'Jol',
    'Kustwijk',
    'Lelystad-Haven',
    'Punter',
    'Schouw',
    'Stadshart',
    'Warande',
    'Waterwijk',
    'Zuiderzeewijk',
  ],
  GM0303: ['Dronten-Centrum', 'Dronten-Noord', 'Dronten-Zuid', 'Biddinghuizen', 'Swifterbant'],
  GM0171: ['Emmeloord-Centrum', 'Emmeloord-Oost', 'Emmeloord-West', 'Marknesse', 'Ens', 'Nagele'],
  GM0184: ['Oude Dorp', 'Urk-oost', 'Urk-west', 'Zeeheldenwijk'],
  GM0050: ['Zeewolde-Centrum', 'Polderwijk', 'Horsterwold'],
  // Midden-IJssel
  GM0150: [
    'Deventer-Binnenstad',
    'Rivierenwijk',
    'Keizerslanden',
    'Colmschate',
    'Borgele',
    'Voorstad',
    'Zandweerd',
    'Bathmen',
  ],
  GM0262: ['Lochem', 'Barchem', 'Laren', 'Gorssel', 'Eefde'],
  GM1773: ['Olst', 'Wijhe', 'Boskamp'],
  GM0177: ['Raalte', 'Heino', 'Heeten', 'Luttenberg'],
  GM0301: ['Zutphen-Binnenstad', 'De Hoven', 'Waterkwartier', 'Leesten', 'Warnsveld'],
};

/** The wijken of these municipalities (a region's), in the order given. */
export function neighbourhoodsOf(
  municipalityCodes: readonly string[],
): { municipalityCode: string; names: readonly string[] }[] {
  return municipalityCodes
    .filter((code) => neighbourhoodsByMunicipality[code]?.length)
    .map((code) => ({ municipalityCode: code, names: neighbourhoodsByMunicipality[code]! }));
}

/**
 * A wijk name as a wish compares it with a dwelling's (free text of the corporation): case,
 * spaces and a leading article do not count ("de Zuiderzeewijk" is "Zuiderzeewijk").
 */
export function neighbourhoodWishKey(name: string): string {
  // The load count's key (placement.rules' neighbourhoodKey), less the article; not imported from
  // there, because the case schemas read this file and the placement rules read those.
  return name
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('nl')
    .replace(/^(de|het|'t) /, '');
}

export function isSameNeighbourhood(a: string, b: string): boolean {
  return neighbourhoodWishKey(a) === neighbourhoodWishKey(b);
}

/** Whether a name is a wijk of the municipality on the list. */
export function isNeighbourhoodOf(municipalityCode: string, name: string): boolean {
  return (neighbourhoodsByMunicipality[municipalityCode] ?? []).some((n) =>
    isSameNeighbourhood(n, name),
  );
}

/** A wijk in a sentence: "de Zuiderzeewijk", "het Waterkwartier", "Bolder", "Tussen de Vaarten". */
export function neighbourhoodInSentence(name: string): string {
  const trimmed = name.trim();
  if (/^(de|het|'t) /i.test(trimmed)) return trimmed;
  if (/kwartier$/i.test(trimmed)) return `het ${trimmed}`;
  return /(wijk|buurt)$/i.test(trimmed) ? `de ${trimmed}` : trimmed;
}
