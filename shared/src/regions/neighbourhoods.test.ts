import { housingNeedsSchema } from '../cases/case.schemas';
import {
  isNeighbourhoodOf,
  isSameNeighbourhood,
  neighbourhoodInSentence,
  neighbourhoodsByMunicipality,
  neighbourhoodsOf,
} from './neighbourhoods';

const flevoland = ['GM0034', 'GM0303', 'GM0995', 'GM0171', 'GM0184', 'GM0050'];
const middenIJssel = ['GM0150', 'GM0262', 'GM1773', 'GM0177', 'GM0301'];

describe('the wijken per municipality', () => {
  it.each([
    ['Flevoland', flevoland],
    ['Midden-IJssel', middenIJssel],
  ])('%s: every municipality has wijken, every name once in the region', (_region, codes) => {
    const lists = neighbourhoodsOf(codes);
    expect(lists.map((l) => l.municipalityCode)).toEqual(codes);
    const names = lists.flatMap((l) => l.names);
    const keys = names.map((n) => n.toLocaleLowerCase('nl'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a municipality without a list gets none offered', () => {
    expect(neighbourhoodsOf(['GM0363'])).toEqual([]);
    expect(neighbourhoodsByMunicipality['GM0363']).toBeUndefined();
  });

  it.each([
    ['Zuiderzeewijk', 'zuiderzeewijk', true],
    ['de Zuiderzeewijk', 'Zuiderzeewijk', true],
    [' Almere  Haven ', 'almere haven', true],
    ['Bolder', 'Boswijk', false],
  ])('%j is %j: %p', (a, b, same) => {
    expect(isSameNeighbourhood(a, b)).toBe(same);
  });

  it.each([
    ['GM0995', 'Zuiderzeewijk', true],
    ['GM0995', 'bolder', true],
    ['GM0034', 'Zuiderzeewijk', false],
    ['GM0363', 'Zuiderzeewijk', false],
  ])('%s has %s: %p', (code, name, has) => {
    expect(isNeighbourhoodOf(code, name)).toBe(has);
  });

  it.each([
    ['Zuiderzeewijk', 'de Zuiderzeewijk'],
    ['Regenboogbuurt', 'de Regenboogbuurt'],
    ['Waterkwartier', 'het Waterkwartier'],
    ['Bolder', 'Bolder'],
    ['Tussen de Vaarten', 'Tussen de Vaarten'],
    ['De Hoven', 'De Hoven'],
  ])('in a sentence, %s is %s', (name, sentence) => {
    expect(neighbourhoodInSentence(name)).toBe(sentence);
  });
});

describe('wished and avoided wijken in the housing needs', () => {
  it.each([
    [
      'lists of names',
      { wishedNeighbourhoods: ['Bolder'], avoidedNeighbourhoods: ['Zuiderzeewijk'] },
      null,
    ],
    ['empty lists', { wishedNeighbourhoods: [], avoidedNeighbourhoods: [] }, null],
    [
      'a wijk both wished and avoided',
      {
        wishedNeighbourhoods: ['Bolder', 'zuiderzeewijk'],
        avoidedNeighbourhoods: ['Zuiderzeewijk'],
      },
      'wishedNeighbourhoods.1: zuiderzeewijk staat ook bij de wijken om te vermijden.',
    ],
    [
      'a wijk twice',
      { avoidedNeighbourhoods: ['Bolder', 'bolder'] },
      'avoidedNeighbourhoods: Elke wijk één keer.',
    ],
    ['an empty name', { wishedNeighbourhoods: [''] }, 'wishedNeighbourhoods.0: Kies een wijk.'],
  ])('%s', (_label, needs, issue) => {
    const parsed = housingNeedsSchema.safeParse(needs);
    expect(
      parsed.success
        ? null
        : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)[0],
    ).toBe(issue);
  });
});
