import { auditActions, type OrganisationSummary, type UserSummary } from '@uitstroom/shared';
import {
  actionOptions,
  emptyFilters,
  filterErrorsOf,
  filterQueryOf,
  foundText,
  isValidQuery,
  organisationOptions,
  pageCount,
  readFilters,
  toQueryInput,
  userOptions,
  writeFilters,
} from '../../client/src/audit/audit-search';

// The privacy officer's audit search without React (client/src/audit/audit-search.ts): the filters
// in the address, the API's query they become, and where the API's schema puts its messages.

const caseId = '0b6f4a52-3c1e-4e0f-9d7a-2f1c8e5b9a11';
const userId = '9d1e2f3a-4b5c-4d6e-8f70-112233445566';

describe('the filters in the address', () => {
  it.each([
    ['nothing', '', { ...emptyFilters }, 1],
    ['a case and a page', 'casus=R-7K2M9QXA&pagina=3', { ...emptyFilters, casus: 'R-7K2M9QXA' }, 3],
    ['a page that is no page', 'pagina=-2', { ...emptyFilters }, 1],
    ['a page that is no number', 'pagina=twee', { ...emptyFilters }, 1],
    [
      'a period',
      'van=2026-01-01&tot=2026-03-31',
      { ...emptyFilters, van: '2026-01-01', tot: '2026-03-31' },
      1,
    ],
  ])('reads %s', (_, search, filters, page) => {
    expect(readFilters(new URLSearchParams(search))).toEqual({ filters, page });
  });

  it('cuts a value typed into the address at 100 characters', () => {
    const long = 'x'.repeat(300);
    expect(readFilters(new URLSearchParams({ casus: long })).filters.casus).toHaveLength(100);
  });

  it('writes only what is filled in, trimmed, and the page after the first', () => {
    expect(
      writeFilters({ ...emptyFilters, casus: ' R-7K2M9QXA ', van: '2026-01-01' }, 1).toString(),
    ).toBe('casus=R-7K2M9QXA&van=2026-01-01');
    expect(writeFilters({ ...emptyFilters, handeling: 'case.read' }, 2).toString()).toBe(
      'handeling=case.read&pagina=2',
    );
    expect(writeFilters(emptyFilters, 1).toString()).toBe('');
  });

  it('reads back what it wrote', () => {
    const filters = { ...emptyFilters, casus: caseId, gebruiker: userId, tot: '2026-12-31' };
    expect(readFilters(writeFilters(filters, 4))).toEqual({ filters, page: 4 });
  });
});

describe("the API's query", () => {
  it.each([
    ['a pseudonym', 'R-7K2M9QXA', { pseudonym: 'R-7K2M9QXA' }],
    ['a case id', caseId, { caseId }],
    ['a case id in capitals', caseId.toUpperCase(), { caseId: caseId.toUpperCase() }],
    ['nothing', '  ', {}],
  ])('gives the case as %s', (_, casus, expected) => {
    expect(toQueryInput({ ...emptyFilters, casus }, 2)).toEqual({
      page: '2',
      pageSize: '25',
      ...expected,
    });
  });

  it('names every filter as the API does, and the workbook takes them without the page', () => {
    const input = toQueryInput(
      {
        casus: '',
        gebruiker: userId,
        organisatie: caseId,
        van: '2026-01-01',
        tot: '2026-01-31',
        handeling: auditActions[0],
      },
      1,
    );
    expect(isValidQuery(input)).toBe(true);
    expect(Object.fromEntries(filterQueryOf(input))).toEqual({
      userId,
      organisationId: caseId,
      from: '2026-01-01',
      to: '2026-01-31',
      action: auditActions[0],
    });
  });

  it('refuses an address the API would refuse', () => {
    expect(isValidQuery(toQueryInput({ ...emptyFilters, gebruiker: 'niemand' }, 1))).toBe(false);
    expect(isValidQuery(toQueryInput(emptyFilters, 1))).toBe(true);
  });
});

describe("the schema's messages at their fields", () => {
  it.each([
    ['a good search', { casus: 'R-7K2M9QXA' }, []],
    [
      'a case that is neither pseudonym nor id',
      { casus: 'Jansen' },
      [['casus', 'Vul een kenmerk in (zoals R-7K2M9QXA) of een casus-id.']],
    ],
    ['an unknown user', { gebruiker: 'x' }, [['gebruiker', 'Onbekende gebruiker.']]],
    ['an unknown action', { handeling: 'x' }, [['handeling', 'Onbekende handeling.']]],
    [
      'a period ending before it starts',
      { van: '2026-03-01', tot: '2026-02-01' },
      [['tot', 'De einddatum ligt niet vóór de begindatum.']],
    ],
  ])('%s', (_, values, expected) => {
    expect(filterErrorsOf({ ...emptyFilters, ...values })).toEqual(expected);
  });
});

describe('what the page says', () => {
  it.each([
    [0, 'Geen regels gevonden'],
    [1, '1 regel gevonden'],
    [1234, '1.234 regels gevonden'],
  ])('%i rows: "%s"', (total, text) => expect(foundText(total)).toBe(text));

  it.each([
    [0, 25, 1],
    [25, 25, 1],
    [26, 25, 2],
  ])('%i rows by %i make %i pages', (total, pageSize, pages) =>
    expect(pageCount({ total, pageSize })).toBe(pages),
  );

  it('offers every action, by its Dutch name in Dutch order', () => {
    expect(actionOptions.map((o) => o.value).sort()).toEqual([...auditActions].sort());
    const labels = actionOptions.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'nl')));
  });

  it('offers the users by name, with their organisation', () => {
    const user = (id: string, displayName: string, organisation: string) =>
      ({ id, displayName, organisation: { name: organisation } }) as unknown as UserSummary;
    expect(
      userOptions([
        user('2', 'Zeynep Kaya', 'Kwintes'),
        user('1', 'Ätje de Boer', 'Leger des Heils'),
      ]),
    ).toEqual([
      { value: '1', label: 'Ätje de Boer (Leger des Heils)' },
      { value: '2', label: 'Zeynep Kaya (Kwintes)' },
    ]);
  });

  it('offers the organisations in the order the API gives them', () => {
    const organisation = (id: string, name: string) =>
      ({ id, name }) as unknown as OrganisationSummary;
    expect(
      organisationOptions([organisation('b', 'Kwintes'), organisation('a', 'Centrada')]),
    ).toEqual([
      { value: 'b', label: 'Kwintes' },
      { value: 'a', label: 'Centrada' },
    ]);
  });
});
