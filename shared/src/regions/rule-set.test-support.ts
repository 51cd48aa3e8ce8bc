import type { RuleSetConfig } from './rule-set.schemas';

/** Flevoland's rule set as the demo seeds it (populations of 1 January 2024). */
export function flevolandRuleSet(): RuleSetConfig {
  return {
    municipalities: [
      { code: 'GM0034', name: 'Almere', population: 226500, populationYear: 2024 },
      { code: 'GM0303', name: 'Dronten', population: 43200, populationYear: 2024 },
      { code: 'GM0995', name: 'Lelystad', population: 81800, populationYear: 2024 },
      { code: 'GM0171', name: 'Noordoostpolder', population: 49300, populationYear: 2024 },
      { code: 'GM0184', name: 'Urk', population: 22400, populationYear: 2024 },
      { code: 'GM0050', name: 'Zeewolde', population: 24100, populationYear: 2024 },
    ],
    targetGroups: ['protectedHousing', 'shelter', 'womensShelter', 'youthCare'],
    youthAgeBand: { from: 18, until: 23 },
    agreement: { firstPeriodStart: '2021-07-01', firstPeriodEnd: '2022-12-31', extensionYears: 2 },
    agendaPublicationDays: 5,
    stalledCaseDays: 14,
    waitingTargetDays: 90,
    offerAnswerDays: 10,
    neighbourhoodLoadThreshold: 3,
    retentionYears: 7,
    twoFactorRequired: false,
    bindingTest: { isEnabled: false, minYears: 2, withinYears: 5 },
  };
}

/** Sets a value at a dotted path (array positions as numbers); undefined removes the field. */
export function setAt(target: unknown, dottedPath: string, value: unknown): void {
  const keys = dottedPath.split('.');
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** Flevoland's rule set with one change at a dotted path. */
export function flevolandWith(dottedPath: string, value: unknown): unknown {
  const config = flevolandRuleSet();
  setAt(config, dottedPath, value);
  return config;
}
