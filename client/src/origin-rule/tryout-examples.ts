import type { ProposalOutcome } from '@uitstroom/shared';
import { completeValues, outsideRegion, type TryoutValues } from './tryout-form';

export interface TryoutExample {
  readonly id: string;
  /** The text of the button. */
  readonly title: string;
  /** One line under the button: what the case is about. */
  readonly summary: string;
  /** What the engine proposes for it (a unit test holds the examples to this). */
  readonly outcome: ProposalOutcome;
  readonly values: TryoutValues;
}

/** Hypothetical cases, one for each way the rule can go, so that a newcomer sees each in one click. */
export const tryoutExamples: readonly TryoutExample[] = [
  {
    id: 'contract',
    title: 'Terug naar de herkomst',
    summary: 'Laatste woonadres in Lelystad; werk in Dronten is vanuit Lelystad te bereizen.',
    outcome: 'herkomst',
    // The example of the rule's contract (rule-engine-contract.md), field for field.
    values: completeValues({
      regionKey: 'flevoland',
      admissionDate: '2022-03-01',
      addresses: [
        {
          municipality: 'GM0034',
          outsideCode: '',
          kind: 'woonadres',
          from: '2004-05-01',
          to: '2013-08-01',
        },
        {
          municipality: 'GM0995',
          outsideCode: '',
          kind: 'woonadres',
          from: '2013-08-01',
          to: '2021-11-15',
        },
        {
          municipality: 'GM0034',
          outsideCode: '',
          kind: 'instelling',
          from: '2021-11-15',
          to: '2022-03-01',
        },
      ],
      wish: 'GM0050',
      excluded: [],
      exceptionB: {
        applies: true,
        municipality: 'GM0303',
        ground: 'daginvulling',
        canTravelFromOrigin: 'ja',
        motivation: 'Vast werk bij een bedrijf in Dronten.',
      },
      placements: { GM0034: '4', GM0995: '1' },
    }),
  },
  {
    id: 'b-te-bereizen',
    title: 'Uitzondering B telt niet',
    summary: 'Familie in Urk steunt de bewoner, maar Urk is vanuit Noordoostpolder te bereizen.',
    outcome: 'herkomst',
    values: completeValues({
      regionKey: 'flevoland',
      admissionDate: '2024-01-08',
      addresses: [
        {
          municipality: 'GM0171',
          outsideCode: '',
          kind: 'woonadres',
          from: '2016-06-01',
          to: '2024-01-08',
        },
        { municipality: 'GM0995', outsideCode: '', kind: 'instelling', from: '2024-01-08', to: '' },
      ],
      wish: 'GM0184',
      exceptionB: {
        applies: true,
        municipality: 'GM0184',
        ground: 'netwerk',
        canTravelFromOrigin: 'ja',
        motivation: 'Zus en ouders wonen in Urk en helpen de bewoner elke week.',
      },
    }),
  },
  {
    id: 'b-geldt',
    title: 'Uitzondering B geldt',
    summary: 'Vast werk in Dronten, dat vanuit Zeewolde niet te bereizen is.',
    outcome: 'B',
    values: completeValues({
      regionKey: 'flevoland',
      admissionDate: '2023-05-15',
      addresses: [
        {
          municipality: 'GM0050',
          outsideCode: '',
          kind: 'woonadres',
          from: '2018-02-01',
          to: '2023-05-15',
        },
        { municipality: 'GM0034', outsideCode: '', kind: 'instelling', from: '2023-05-15', to: '' },
      ],
      exceptionB: {
        applies: true,
        municipality: 'GM0303',
        ground: 'daginvulling',
        canTravelFromOrigin: 'nee',
        motivation:
          'Vaste baan in de kassen bij Dronten met vroege diensten; er rijdt dan geen bus vanuit Zeewolde.',
      },
    }),
  },
  {
    id: 'a-met-wens',
    title: 'Uitzondering A met woonwens',
    summary: 'Het oude netwerk in Almere is onveilig; de bewoner wil naar Zeewolde.',
    outcome: 'A',
    values: completeValues({
      regionKey: 'flevoland',
      admissionDate: '2023-03-15',
      addresses: [
        {
          municipality: 'GM0995',
          outsideCode: '',
          kind: 'woonadres',
          from: '2009-09-01',
          to: '2015-01-01',
        },
        {
          municipality: 'GM0034',
          outsideCode: '',
          kind: 'woonadres',
          from: '2015-01-01',
          to: '2023-03-15',
        },
        { municipality: 'GM0034', outsideCode: '', kind: 'briefadres', from: '2023-03-15', to: '' },
      ],
      wish: 'GM0050',
      exceptionA: {
        applies: true,
        motivation: 'Oude contacten in Almere zetten de bewoner onder druk om weer te gebruiken.',
      },
      placements: { GM0034: '3', GM0995: '1', GM0303: '1' },
    }),
  },
  {
    id: 'c-onvindbaar',
    title: 'Herkomst onvindbaar (C)',
    summary: 'Alleen een briefadres en een instelling: de verdeling naar inwoneraantal beslist.',
    outcome: 'C',
    values: completeValues({
      regionKey: 'flevoland',
      admissionDate: '2024-09-02',
      addresses: [
        {
          municipality: 'GM0034',
          outsideCode: '',
          kind: 'briefadres',
          from: '2023-05-01',
          to: '2024-09-02',
        },
        { municipality: 'GM0995', outsideCode: '', kind: 'instelling', from: '2024-09-02', to: '' },
      ],
      wish: 'GM0034',
      placements: { GM0034: '5', GM0995: '2', GM0303: '1', GM0171: '0', GM0184: '1', GM0050: '0' },
    }),
  },
  {
    id: 'd-niet-passend',
    title: 'Uitzondering D',
    summary: 'De zorg die de bewoner nodig heeft, is alleen in Almere te krijgen.',
    outcome: 'D',
    values: completeValues({
      regionKey: 'flevoland',
      admissionDate: '2024-04-01',
      addresses: [
        {
          municipality: 'GM0995',
          outsideCode: '',
          kind: 'woonadres',
          from: '2012-10-01',
          to: '2024-04-01',
        },
      ],
      wish: 'GM0995',
      exceptionD: {
        applies: true,
        municipality: 'GM0034',
        motivation:
          'De intensieve begeleiding bij doofheid die de bewoner nodig heeft, biedt in de regio alleen een team in Almere.',
      },
    }),
  },
  {
    id: 'buiten-regio',
    title: 'Herkomst buiten de regio',
    summary: 'Het laatste woonadres lag in Amsterdam (GM0363): verwijzen naar die regio.',
    outcome: 'buiten_regio',
    values: completeValues({
      regionKey: 'flevoland',
      admissionDate: '2023-10-01',
      addresses: [
        {
          municipality: 'GM0034',
          outsideCode: '',
          kind: 'woonadres',
          from: '2005-03-01',
          to: '2012-04-01',
        },
        {
          municipality: outsideRegion,
          outsideCode: 'GM0363',
          kind: 'woonadres',
          from: '2012-04-01',
          to: '2023-10-01',
        },
      ],
      wish: 'GM0034',
    }),
  },
  {
    id: 'te-korte-binding',
    title: 'Te korte binding',
    summary:
      'De regio vraagt 2 van de laatste 5 jaar; de bewoner woonde 546 dagen in Lelystad: geen herkomst, dus verdeling (C).',
    outcome: 'C',
    // The example of the contract's section "Minimum binding", with an earlier stay in Almere.
    values: completeValues({
      regionKey: 'flevoland',
      bindingTest: { applies: true, minYears: '2', withinYears: '5' },
      admissionDate: '2022-03-01',
      addresses: [
        {
          municipality: 'GM0034',
          outsideCode: '',
          kind: 'woonadres',
          from: '2015-02-01',
          to: '2020-09-01',
        },
        {
          municipality: 'GM0995',
          outsideCode: '',
          kind: 'woonadres',
          from: '2020-09-01',
          to: '2022-03-01',
        },
      ],
      wish: 'GM0995',
      placements: { GM0034: '4', GM0995: '1' },
    }),
  },
];

/** The form when the page opens: the example of the contract, so that a proposal shows at once. */
export const initialTryoutValues: TryoutValues = tryoutExamples[0]!.values;
