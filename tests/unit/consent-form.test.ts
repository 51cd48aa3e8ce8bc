import { ApiError } from '../../client/src/core/api';
import {
  consentFieldOf,
  consentResolver,
  emptyConsentValues,
  groupByKind,
  placeConsentIssues,
  toConsentRequest,
  type ConsentFormValues,
} from '../../client/src/cases/privacy/consent-form';

// The consent form's pure parts (client/src/cases/privacy/consent-form.ts): the request it sends,
// where a message shows, what the browser refuses before sending, and the organisations to choose
// from. The browser test (tests/browser/case-privacy.test.ts) records consent through the page.

const organisationId = '3f0c1a52-8a0e-4f4e-9d5e-2b7c1f0a9e11';
const values = (changes: Partial<ConsentFormValues>): ConsentFormValues => ({
  ...emptyConsentValues(),
  givenOn: '2026-11-02',
  organisationId,
  ...changes,
});
const filesOf = (...files: File[]) => files as unknown as FileList;
const scan = new File([new Uint8Array(10)], 'formulier.pdf', { type: 'application/pdf' });

describe('toConsentRequest', () => {
  it.each<[string, Partial<ConsentFormValues>, string | undefined, object]>([
    [
      'a refusal given verbally',
      { method: 'verbalWithWitness', witnessName: 'J. de Boer' },
      undefined,
      { categories: [], method: 'verbalWithWitness', witnessName: 'J. de Boer' },
    ],
    [
      'no witness of blanks, and no end date left empty',
      { method: 'verbalWithWitness', witnessName: '  ', expiresOn: '' },
      undefined,
      { categories: [], method: 'verbalWithWitness' },
    ],
    [
      'the signed form by its document, and no witness typed before the method changed',
      { method: 'signedForm', witnessName: 'J. de Boer', categories: ['housingProfile'] },
      'd0c',
      { categories: ['housingProfile'], method: 'signedForm', documentId: 'd0c' },
    ],
    [
      'no method yet',
      { expiresOn: '2027-01-01' },
      'd0c',
      { categories: [], expiresOn: '2027-01-01' },
    ],
  ])('%s', (_, changes, documentId, request) => {
    expect(toConsentRequest(values(changes), documentId)).toEqual({
      organisationId,
      givenOn: '2026-11-02',
      ...request,
    });
  });
});

describe('consentFieldOf', () => {
  it.each([
    ['documentId', 'signedForm'],
    ['categories.1', 'categories'],
    ['witnessName', 'witnessName'],
    ['body', null],
  ])('%s → %s', (path, field) => {
    expect(consentFieldOf(path)).toBe(field);
  });
});

describe('consentResolver', () => {
  const messagesOf = async (changes: Partial<ConsentFormValues>) => {
    const { errors } = await consentResolver(values(changes), undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    return Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, e?.message]));
  };

  it.each<[string, Partial<ConsentFormValues>, object]>([
    ['a complete verbal consent', { method: 'verbalWithWitness', witnessName: 'J. de Boer' }, {}],
    [
      'a witness asked for while another field is still wrong',
      { organisationId: '', method: 'verbalWithWitness' },
      {
        organisationId: 'Kies een organisatie.',
        witnessName: 'Bij mondelinge toestemming is een getuige verplicht.',
      },
    ],
    [
      'a date in the future',
      { givenOn: '2999-01-01', method: 'verbalWithWitness', witnessName: 'J. de Boer' },
      { givenOn: 'De datum van toestemming ligt niet in de toekomst.' },
    ],
    [
      'a signed form not chosen',
      { method: 'signedForm' },
      { signedForm: 'Kies het ondertekende formulier (een scan of foto).' },
    ],
    ['a signed form chosen', { method: 'signedForm', signedForm: filesOf(scan) }, {}],
    ['no method', {}, { method: 'Kies hoe de toestemming is gegeven.' }],
  ])('%s', async (_, changes, messages) => {
    expect(await messagesOf(changes)).toEqual(messages);
  });
});

describe('placeConsentIssues', () => {
  it('puts the server’s issues at their fields, and leaves out what concerns no field', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Ongeldige invoer.', [
      { path: 'documentId', message: 'Onbekend document.' },
      { path: 'body', message: 'Ongeldig.' },
    ]);
    expect(placeConsentIssues(error)).toEqual([
      { field: 'signedForm', message: 'Onbekend document.' },
    ]);
    expect(placeConsentIssues(new Error('netwerk'))).toEqual([]);
  });
});

describe('groupByKind', () => {
  it('groups by kind in a fixed order, by name within, without empty groups', () => {
    const organisation = (name: string, kind: 'municipality' | 'provider') => ({
      id: name,
      kind,
      name,
      municipalityCode: null,
    });
    const groups = groupByKind([
      organisation('Zorggroep Oost', 'provider'),
      organisation('Zeewolde', 'municipality'),
      organisation('Almere', 'municipality'),
    ]);
    expect(groups.map((g) => [g.kind, g.members.map((m) => m.name)])).toEqual([
      ['municipality', ['Almere', 'Zeewolde']],
      ['provider', ['Zorggroep Oost']],
    ]);
  });
});
