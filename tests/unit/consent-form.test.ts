import type { Consent } from '@uitstroom/shared';
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
import {
  consentStatusOf,
  describeCategories,
  orderConsents,
} from '../../client/src/cases/privacy/consent-status';

// The consent form's pure parts (client/src/cases/privacy/consent-form.ts): the request it sends,
// where a message shows, what the browser refuses before sending, and the organisations to choose
// from; and how the consent panel reads and orders the consents (consent-status.ts). The browser test (tests/browser/case-privacy.test.ts) records consent through the page.

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

describe('the consents in the panel', () => {
  const today = '2026-12-07';
  const consent = (name: string, changes: Partial<Consent>): Consent => ({
    id: `${name}-${changes.givenOn ?? ''}`,
    organisation: { id: name, name },
    categories: ['housingProfile'],
    givenOn: '2026-01-01',
    expiresOn: null,
    method: 'verbalWithWitness',
    witnessName: 'J. de Boer',
    documentId: null,
    withdrawnAt: null,
    recordedBy: 'Sanne',
    isActive: false,
    isExpiringSoon: false,
    ...changes,
  });

  it.each<[string, Partial<Consent>, string]>([
    [
      'withdrawn, whatever else',
      { withdrawnAt: '2026-05-01T10:00:00Z', isActive: true },
      'withdrawn',
    ],
    ['active', { isActive: true }, 'active'],
    ['ended before today', { expiresOn: '2026-12-06' }, 'expired'],
    ['ending today, not active: not yet in force', { expiresOn: '2026-12-07' }, 'notYetInForce'],
    ['given for later', { givenOn: '2026-12-20' }, 'notYetInForce'],
  ])('%s', (_, changes, status) => {
    expect(consentStatusOf(consent('Almere', changes), today)).toBe(status);
  });

  it('orders per organisation, what holds now first, newest first', () => {
    const ordered = orderConsents(
      [
        consent('Zeewolde', { isActive: true }),
        consent('Almere', { withdrawnAt: '2026-05-01T10:00:00Z', givenOn: '2026-03-01' }),
        consent('Almere', { expiresOn: '2026-02-01', givenOn: '2026-01-01' }),
        consent('Almere', { expiresOn: '2026-04-01', givenOn: '2026-02-01' }),
        consent('Almere', { isActive: true, givenOn: '2025-06-01' }),
      ],
      today,
    );
    expect(ordered.map((c) => [c.organisation.name, c.givenOn])).toEqual([
      ['Almere', '2025-06-01'],
      ['Almere', '2026-02-01'],
      ['Almere', '2026-01-01'],
      ['Almere', '2026-03-01'],
      ['Zeewolde', '2026-01-01'],
    ]);
  });

  it('names the categories in a Dutch sentence', () => {
    expect(
      describeCategories({ categories: ['identityContact', 'housingProfile', 'supportNeeds'] }),
    ).toBe('naam en contactgegevens, woonprofiel en ondersteuningsbehoefte');
  });
});
