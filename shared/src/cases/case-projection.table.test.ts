import type { OrganisationKind } from '../auth/seats';
import {
  describeDisclosure,
  disclosureForOrganisationKind,
  fieldsOfSeat,
  type DisclosureMoment,
} from './case-projection.table';
import type { ConsentCategory } from './consent.schemas';

/**
 * What the consent form promises per kind of organisation, written out by hand: per category, the
 * fields it then sees and when (R: whenever the case concerns it, H: only while it houses the
 * resident). It must follow from the projection table the server cuts every case with.
 */
const expected: Record<OrganisationKind, Record<ConsentCategory, Record<string, 'R' | 'H'>>> = {
  corporation: {
    identityContact: { identity: 'H', contact: 'H' },
    housingProfile: { household: 'R', housingNeeds: 'R' },
    supportNeeds: {},
    sensitive: {},
  },
  municipality: {
    identityContact: { identity: 'R', addresses: 'R' },
    housingProfile: { household: 'R', housingNeeds: 'R', wishes: 'R' },
    supportNeeds: { supportNeeds: 'R' },
    sensitive: { exceptions: 'R', excluded: 'R' },
  },
  coordination: {
    identityContact: { identity: 'R', addresses: 'R' },
    housingProfile: { household: 'R', housingNeeds: 'R', wishes: 'R' },
    supportNeeds: { supportNeeds: 'R' },
    sensitive: { exceptions: 'R', excluded: 'R' },
  },
  provider: {
    identityContact: { identity: 'R', contact: 'R' },
    housingProfile: { household: 'R', housingNeeds: 'R', wishes: 'R' },
    supportNeeds: { supportNeeds: 'R' },
    sensitive: {},
  },
};

const mark: Record<DisclosureMoment, 'R' | 'H'> = { whenReached: 'R', whileHousing: 'H' };

describe('what the consent form says an organisation will see', () => {
  it.each(Object.keys(expected) as OrganisationKind[])('%s', (kind) => {
    const disclosure = disclosureForOrganisationKind(kind);
    expect(
      Object.fromEntries(
        disclosure.map((d) => [
          d.category,
          Object.fromEntries(d.fields.map((f) => [f.field, mark[f.moment]])),
        ]),
      ),
    ).toEqual(expected[kind]);
    expect(disclosure.find((d) => d.category === 'housingProfile')?.isFreeOfConsent).toBe(true);
  });

  it.each([
    [
      'corporation',
      'identityContact',
      'Centrada ziet de persoonsgegevens (naam, geboortedatum, BSN) en de contactgegevens (telefoon, e-mail, bereikbaarheid): alleen zolang haar eigen aanbod op deze casus openstaat of is aanvaard, en vanaf de verhuizing naar haar woning; niet vóór een aanbod en niet meer na een afgewezen of ingetrokken aanbod.',
    ],
    [
      'corporation',
      'supportNeeds',
      'Centrada ziet dit nooit, ook niet met toestemming: haar rol heeft het niet nodig.',
    ],
    [
      'corporation',
      'housingProfile',
      'Centrada ziet, zolang de casus haar aangaat, het huishouden en de woonbehoeften (kamers, toegankelijkheid, huur, gewenste en te vermijden wijken).',
    ],
    [
      'municipality',
      'identityContact',
      'Gemeente Lelystad ziet, zolang de casus haar aangaat, de persoonsgegevens (naam, geboortedatum, BSN) en de adresgeschiedenis.',
    ],
  ] as const)('%s, %s: the sentence', (kind, category, sentence) => {
    const disclosure = disclosureForOrganisationKind(kind).find((d) => d.category === category)!;
    expect(describeDisclosure(disclosure, sentence.split(' ziet')[0]!)).toBe(sentence);
  });

  it.each([
    ['corporation', false, []],
    ['corporation', true, ['identity', 'contact']],
    ['municipality', true, []],
    ['provider', true, []],
  ] as const)('%s housing the resident (%p) reads besides: %p', (seat, housesResident, extra) => {
    const base = fieldsOfSeat(seat, { housesResident: false });
    expect(fieldsOfSeat(seat, { housesResident }).filter((f) => !base.includes(f))).toEqual(extra);
  });
});
