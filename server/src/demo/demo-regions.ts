import type { OrganisationKind, RuleSetConfig, Seat } from '@uitstroom/shared';

/**
 * The demo regions: fictional people in real organisations of Flevoland and Midden-IJssel
 * (domain.md §1). CBS municipality codes; populations rounded from CBS figures of 1 January 2024.
 * Later issues extend this module (cases, tables, dwellings) so every screen has content.
 */
export const demoPassword = 'uitstroom-demo';

export interface DemoUser {
  email: string;
  displayName: string;
  seat: Seat;
}
export interface DemoOrganisation {
  kind: OrganisationKind;
  name: string;
  municipalityCode?: string;
  users: DemoUser[];
}
export interface DemoRegion {
  slug: string;
  name: string;
  municipalities: { code: string; name: string; population: number; populationYear: number }[];
  organisations: DemoOrganisation[];
  /** Version 1 of the region's rule set, besides its municipalities (which come from above). */
  ruleSet: Omit<RuleSetConfig, 'municipalities'>;
}

const municipalityOrg = (
  code: string,
  name: string,
  user: string,
  displayName: string,
): DemoOrganisation => ({
  kind: 'municipality',
  name: `Gemeente ${name}`,
  municipalityCode: code,
  users: [{ email: user, displayName, seat: 'municipality' }],
});
const corporation = (name: string, email: string, displayName: string): DemoOrganisation => ({
  kind: 'corporation',
  name,
  users: [{ email, displayName, seat: 'corporation' }],
});
const provider = (name: string, users: DemoUser[]): DemoOrganisation => ({
  kind: 'provider',
  name,
  users,
});

export const demoRegions: DemoRegion[] = [
  {
    slug: 'flevoland',
    name: 'Flevoland',
    ruleSet: {
      targetGroups: ['protectedHousing', 'shelter', 'womensShelter', 'youthCare'],
      // "Jongvolwassenen van 18 tot 23 jaar die uitstromen uit jeugdhulp (met verlengd verblijf)".
      youthAgeBand: { from: 18, until: 23 },
      // The Akkoord took effect on signing (summer 2021), ended 31-12-2022, extendable by 2 years.
      agreement: {
        firstPeriodStart: '2021-07-01',
        firstPeriodEnd: '2022-12-31',
        extensionYears: 2,
      },
      agendaPublicationDays: 5,
      stalledCaseDays: 14,
      waitingTargetDays: 90,
      offerAnswerDays: 10,
      neighbourhoodLoadThreshold: 3,
      retentionYears: 7,
      // Demo mode signs in with the shared password only; real regions keep the default (on).
      twoFactorRequired: false,
      bindingTest: { isEnabled: false, minYears: 2, withinYears: 5 },
    },
    municipalities: [
      { code: 'GM0034', name: 'Almere', population: 226500, populationYear: 2024 },
      { code: 'GM0303', name: 'Dronten', population: 43200, populationYear: 2024 },
      { code: 'GM0995', name: 'Lelystad', population: 81800, populationYear: 2024 },
      { code: 'GM0171', name: 'Noordoostpolder', population: 49300, populationYear: 2024 },
      { code: 'GM0184', name: 'Urk', population: 22400, populationYear: 2024 },
      { code: 'GM0050', name: 'Zeewolde', population: 24100, populationYear: 2024 },
    ],
    organisations: [
      {
        kind: 'coordination',
        name: 'Regionale coördinatie Flevoland (centrumgemeente Almere)',
        users: [
          { email: 'voorzitter@almere.demo', displayName: 'Marieke de Vries', seat: 'chair' },
          { email: 'beheer@flevoland.demo', displayName: 'Johan Bakker', seat: 'regionAdmin' },
        ],
      },
      municipalityOrg('GM0034', 'Almere', 'gemeente@almere.demo', 'Fatima El Amrani'),
      municipalityOrg('GM0303', 'Dronten', 'gemeente@dronten.demo', 'Pieter Kok'),
      municipalityOrg('GM0995', 'Lelystad', 'gemeente@lelystad.demo', 'Sandra Jansen'),
      municipalityOrg(
        'GM0171',
        'Noordoostpolder',
        'gemeente@noordoostpolder.demo',
        'Hendrik Visser',
      ),
      municipalityOrg('GM0184', 'Urk', 'gemeente@urk.demo', 'Jannie Brouwer'),
      municipalityOrg('GM0050', 'Zeewolde', 'gemeente@zeewolde.demo', 'Ruben Smit'),
      corporation('Mercatus', 'corporatie@mercatus.demo', 'Anouk Hoekstra'),
      corporation('Woonpalet', 'corporatie@woonpalet.demo', 'Dennis Mulder'),
      corporation('Oost Flevoland Woondiensten', 'corporatie@ofw.demo', 'Ingrid de Boer'),
      corporation('Patrimonium', 'corporatie@patrimonium.demo', 'Kees van Dijk'),
      corporation('Centrada', 'corporatie@centrada.demo', 'Linda Meijer'),
      corporation('Goede Stede', 'corporatie@goede-stede.demo', 'Mohammed Yilmaz'),
      corporation('De Alliantie', 'corporatie@de-alliantie.demo', 'Eva Peters'),
      corporation('Ymere', 'corporatie@ymere.demo', 'Thomas Hendriks'),
      provider('Kwintes', [
        { email: 'regisseur@kwintes.demo', displayName: 'Sanne Willems', seat: 'casemanager' },
        { email: 'aanbieder@kwintes.demo', displayName: 'Bram Dekker', seat: 'provider' },
      ]),
      provider('Leger des Heils', [
        {
          email: 'aanbieder@leger-des-heils.demo',
          displayName: 'Nicole van den Berg',
          seat: 'provider',
        },
        {
          email: 'regisseur@leger-des-heils.demo',
          displayName: 'Youssef Bouzid',
          seat: 'casemanager',
        },
      ]),
      provider('Triade', [
        { email: 'aanbieder@triade.demo', displayName: 'Lotte Vos', seat: 'provider' },
      ]),
      provider('Omega groep', [
        { email: 'aanbieder@omega-groep.demo', displayName: 'Gerrit Postma', seat: 'provider' },
      ]),
      provider('Timon', [
        { email: 'aanbieder@timon.demo', displayName: 'Esther Koster', seat: 'provider' },
      ]),
      provider('Pi Groep', [
        { email: 'aanbieder@pi-groep.demo', displayName: 'Rik Prins', seat: 'provider' },
      ]),
      provider('Iriszorg', [
        { email: 'aanbieder@iriszorg.demo', displayName: 'Naima Haddou', seat: 'provider' },
      ]),
      provider('Freeway zorg', [
        { email: 'aanbieder@freeway-zorg.demo', displayName: 'Wouter Schouten', seat: 'provider' },
      ]),
    ],
  },
  {
    slug: 'midden-ijssel',
    name: 'Midden-IJssel',
    ruleSet: {
      // The regiovisie covers beschermd wonen and maatschappelijke opvang and the step from youth
      // care with stay to beschermd wonen; it does not mention vrouwenopvang.
      targetGroups: ['protectedHousing', 'shelter', 'youthCare'],
      // "specifieke aandacht voor jongvolwassenen (18-27 jaar)": up to and including 27.
      youthAgeBand: { from: 18, until: 28 },
      // "de belangrijkste regionale acties in de periode 2024 t/m 2026".
      agreement: {
        firstPeriodStart: '2024-01-01',
        firstPeriodEnd: '2026-12-31',
        extensionYears: 2,
      },
      agendaPublicationDays: 5,
      stalledCaseDays: 14,
      waitingTargetDays: 90,
      offerAnswerDays: 10,
      neighbourhoodLoadThreshold: 3,
      retentionYears: 7,
      twoFactorRequired: false,
      bindingTest: { isEnabled: false, minYears: 2, withinYears: 5 },
    },
    municipalities: [
      { code: 'GM0150', name: 'Deventer', population: 102500, populationYear: 2024 },
      { code: 'GM0262', name: 'Lochem', population: 34200, populationYear: 2024 },
      { code: 'GM1773', name: 'Olst-Wijhe', population: 18500, populationYear: 2024 },
      { code: 'GM0177', name: 'Raalte', population: 38300, populationYear: 2024 },
      { code: 'GM0301', name: 'Zutphen', population: 48900, populationYear: 2024 },
    ],
    organisations: [
      {
        kind: 'coordination',
        name: 'Regionale coördinatie Midden-IJssel (centrumgemeente Deventer)',
        users: [
          { email: 'voorzitter@deventer.demo', displayName: 'Hanneke Groot', seat: 'chair' },
          { email: 'beheer@midden-ijssel.demo', displayName: 'Arjen Wolters', seat: 'regionAdmin' },
        ],
      },
      municipalityOrg('GM0150', 'Deventer', 'gemeente@deventer.demo', 'Marloes Kuipers'),
      municipalityOrg('GM0262', 'Lochem', 'gemeente@lochem.demo', 'Gert-Jan Nijhuis'),
      municipalityOrg('GM1773', 'Olst-Wijhe', 'gemeente@olst-wijhe.demo', 'Wilma Lubbers'),
      municipalityOrg('GM0177', 'Raalte', 'gemeente@raalte.demo', 'Bart Hofman'),
      municipalityOrg('GM0301', 'Zutphen', 'gemeente@zutphen.demo', 'Ayse Demir'),
      corporation('Woonbedrijf ieder1', 'corporatie@ieder1.demo', 'Frank Bosman'),
      corporation('Rentree', 'corporatie@rentree.demo', 'Mirjam Timmer'),
      corporation('Viverion', 'corporatie@viverion.demo', 'Stefan Wessels'),
      corporation('Salland Wonen', 'corporatie@salland-wonen.demo', 'Judith Bos'),
      provider('Tactus', [
        { email: 'regisseur@tactus.demo', displayName: 'Karin Veldman', seat: 'casemanager' },
        { email: 'aanbieder@tactus.demo', displayName: 'Mark Stegeman', seat: 'provider' },
      ]),
      provider('Dimence', [
        { email: 'aanbieder@dimence.demo', displayName: 'Petra Oosterhof', seat: 'provider' },
      ]),
      provider('RIBW Groep Overijssel', [
        { email: 'aanbieder@ribw.demo', displayName: 'Erik Snijders', seat: 'provider' },
      ]),
    ],
  },
];

/** The accounts the README and the start banner list, one per seat. */
export const featuredDemoAccounts = [
  'regisseur@kwintes.demo',
  'voorzitter@almere.demo',
  'gemeente@lelystad.demo',
  'gemeente@almere.demo',
  'corporatie@centrada.demo',
  'aanbieder@leger-des-heils.demo',
  'beheer@flevoland.demo',
  'regisseur@tactus.demo',
] as const;
