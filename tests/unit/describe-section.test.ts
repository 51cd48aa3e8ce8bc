import type { CaseSectionName } from '@uitstroom/shared';
import { describeSection } from '../../client/src/core/format';

// How a section of the file reads as label–value pairs (client/src/core/format.ts): only what is
// filled in, in the page's order and wording; input still being typed may lack any part.

const nameOf = (code: string) => ({ GM0344: 'Utrecht', GM0307: 'Amersfoort' })[code] ?? code;

describe('describeSection', () => {
  it.each<[CaseSectionName, unknown, [string, string][]]>([
    [
      'identity',
      { firstName: 'Sanne', lastName: 'de Vries', birthDate: '1990-03-04', bsn: '111222333' },
      [
        ['Voornaam', 'Sanne'],
        ['Achternaam', 'de Vries'],
        ['Geboortedatum', '4 maart 1990'],
        ['BSN', '111222333'],
      ],
    ],
    ['identity', { firstName: 'Sanne', lastName: '' }, [['Voornaam', 'Sanne']]],
    [
      'contact',
      { phone: '030 123', note: 'Bellen na 10 uur' },
      [
        ['Telefoon', '030 123'],
        ['Toelichting', 'Bellen na 10 uur'],
      ],
    ],
    [
      'household',
      { adults: 1, children: 0 },
      [
        ['Volwassenen', '1'],
        ['Kinderen', '0'],
      ],
    ],
    [
      'stay',
      { targetGroup: 'shelter', admissionDate: '2026-01-05' },
      [
        ['Doelgroep', 'Maatschappelijke opvang'],
        ['Opnamedatum', '5 januari 2026'],
      ],
    ],
    [
      'addresses',
      [
        {
          kind: 'woonadres',
          municipality: 'GM0344',
          street: 'Oudegracht 1',
          from: '2020-01-01',
          to: '2024-06-30',
          source: 'brp',
        },
        { municipality: 'GM0307', from: '2024-07-01' },
        {},
      ],
      [
        [
          'Adres 1',
          'Woonadres in Utrecht, Oudegracht 1, 1 januari 2020 tot 30 juni 2024 (BRP-uittreksel)',
        ],
        ['Adres 2', 'Adres in Amersfoort, vanaf 1 juli 2024 (bron nog niet gekozen)'],
        [
          'Adres 3',
          'Adres in een nog niet gekozen gemeente, periode nog niet ingevuld (bron nog niet gekozen)',
        ],
      ],
    ],
    ['isOriginUntraceable', false, [['Herkomst niet te achterhalen', 'Nee']]],
    ['isOriginUntraceable', true, [['Herkomst niet te achterhalen', 'Ja']]],
    [
      'wishes',
      { municipalities: ['GM0307', 'GM0344'], dwellingType: 'studio', ownWords: 'Rustig' },
      [
        ['Gemeenten (in volgorde van voorkeur)', '1. Amersfoort, 2. Utrecht'],
        ['Woningtype', 'Studio'],
        ['In eigen woorden', 'Rustig'],
      ],
    ],
    [
      'wishes',
      { municipalities: [], neighbourhoodNote: 'Niet in het centrum' },
      [['Toelichting bij de wijken', 'Niet in het centrum']],
    ],
    [
      'housingNeeds',
      {
        rooms: 0,
        groundFloorOrLift: false,
        usesWheelchair: true,
        maxRent: 650.5,
        wishedMoveDate: '2027-02-01',
        wishedNeighbourhoods: ['Oost', 'Zuid'],
        avoidedNeighbourhoods: [],
      },
      [
        ['Kamers', 'geen aparte kamers'],
        ['Begane grond of lift nodig', 'Nee'],
        ['Gebruikt een rolstoel', 'Ja'],
        ['Maximale huur per maand', '€ 650,50'],
        ['Gewenste verhuisdatum', '1 februari 2027'],
        ['Gewenste wijken', 'Oost, Zuid'],
      ],
    ],
    [
      'supportNeeds',
      { participation: 'Vrijwilligerswerk', incomeAndDebts: 'Schuldhulp' },
      [
        ['Inkomen en schulden', 'Schuldhulp'],
        ['Participatie', 'Vrijwilligerswerk'],
      ],
    ],
    [
      'sensitive',
      { risks: 'Geen', safety: 'Contactverbod' },
      [
        ['Risico’s', 'Geen'],
        ['Veiligheid en huiselijk geweld', 'Contactverbod'],
      ],
    ],
    [
      'exceptions',
      [
        { kind: 'A', motivation: 'Schulden in de herkomst' },
        { kind: 'D', municipality: 'GM0307', motivation: 'Netwerk' },
      ],
      [
        ['Uitzondering A', 'Schulden in de herkomst'],
        ['Uitzondering D (Amersfoort)', 'Netwerk'],
      ],
    ],
    ['excluded', ['GM0344', 'GM0307'], [['Uitgesloten gemeenten', 'Utrecht, Amersfoort']]],
    ['excluded', [], []],
  ])('%s %j', (name, value, facts) => {
    expect(describeSection(name, value as never, nameOf)).toEqual(
      facts.map(([label, v]) => ({ label, value: v })),
    );
  });

  it('says nothing of a section the seat does not see', () => {
    expect(describeSection('sensitive', undefined, nameOf)).toEqual([]);
  });
});
