import { ApiError } from '../../client/src/core/api';
import {
  checkBeforeUpload,
  formatSize,
  placeServerError,
} from '../../client/src/cases/privacy/document-upload';
import { failureMessage, refusalOr } from '../../client/src/core/query/failure-wording';

// The documents panel's pure parts (client/src/cases/privacy/document-upload.ts): sizes as people
// read them, what the browser checks before sending, and where the server's refusal shows; and
// the wording of a failed read (client/src/core/query/failure-wording.ts) that the panels share.

const pdf = (bytes: number, name = 'besluit.pdf') =>
  new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });

describe('formatSize', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 kB'],
    [1536, '1,5 kB'],
    [10 * 1024 * 1024, '10 MB'],
    [2.25 * 1024 * 1024, '2,3 MB'],
  ])('%d bytes → %s', (bytes, shown) => {
    expect(formatSize(bytes)).toBe(shown);
  });
});

describe('checkBeforeUpload', () => {
  it.each<[string, File | undefined, '' | 'housingProfile', object]>([
    [
      'nothing chosen',
      undefined,
      '',
      { file: 'Kies een bestand.', category: 'Kies een categorie.' },
    ],
    ['an empty file', pdf(0), 'housingProfile', { file: 'Het bestand is leeg.' }],
    ['a file and a category', pdf(10), 'housingProfile', {}],
    ['no category', pdf(10), '', { category: 'Kies een categorie.' }],
  ])('%s', (_, file, category, errors) => {
    expect(checkBeforeUpload(file, category)).toEqual(errors);
  });

  it('refuses a type other than PDF, PNG or JPEG', () => {
    const text = new File(['x'], 'notitie.txt', { type: 'text/plain' });
    expect(checkBeforeUpload(text, 'housingProfile').file).toBe(
      'Alleen PDF, PNG of JPEG kunnen worden toegevoegd.',
    );
  });
});

describe('placeServerError', () => {
  it.each([
    [
      'a failure that is not the API’s',
      new Error('netwerk'),
      { fields: {}, message: 'Het toevoegen is niet gelukt. Probeer het opnieuw.' },
    ],
    [
      'a category refused at its field',
      new ApiError(400, 'VALIDATION_FAILED', 'Ongeldige invoer.', [
        { path: 'category', message: 'Geen geldige categorie.' },
      ]),
      { fields: { category: 'Geen geldige categorie.' }, message: null },
    ],
    [
      'a file too large at the file field',
      new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Het bestand is groter dan 10 MB.'),
      { fields: { file: 'Het bestand is groter dan 10 MB.' }, message: null },
    ],
    [
      'a refusal of no field above the button',
      new ApiError(409, 'CASE_CLOSED', 'De casus is gesloten.'),
      { fields: {}, message: 'De casus is gesloten.' },
    ],
  ])('%s', (_, error, placed) => {
    expect(placeServerError(error)).toEqual(placed);
  });
});

describe('the wording of a failed read', () => {
  const fallback = 'De documenten konden niet worden geladen.';
  it.each([
    [
      'a refusal in the server’s words',
      new ApiError(403, 'FORBIDDEN', 'Niet toegestaan.'),
      'Niet toegestaan.',
    ],
    ['a lost connection in the page’s', new ApiError(0, 'NETWORK', 'Niet bereikbaar.'), fallback],
    [
      'a server failure in the page’s',
      new ApiError(500, 'INTERNAL', 'Er ging iets mis.'),
      fallback,
    ],
    ['anything else in the page’s', new TypeError('x'), fallback],
  ])('refusalOr: %s', (_, error, shown) => {
    expect(refusalOr(fallback)(error)).toBe(shown);
  });

  it.each([
    [
      'a 404 with notFound',
      new ApiError(404, 'NOT_FOUND', 'Niet gevonden.'),
      'Bestaat niet.',
      'Bestaat niet.',
    ],
    [
      'a 404 without notFound',
      new ApiError(404, 'NOT_FOUND', 'Niet gevonden.'),
      undefined,
      'Niet gevonden.',
    ],
    [
      'another refusal',
      new ApiError(403, 'FORBIDDEN', 'Niet toegestaan.'),
      'Bestaat niet.',
      'Niet toegestaan.',
    ],
    ['not the API’s', new TypeError('x'), 'Bestaat niet.', 'Laden is niet gelukt.'],
  ])('failureMessage: %s', (_, error, notFound, shown) => {
    expect(failureMessage(error, { failure: 'Laden is niet gelukt.', notFound })).toBe(shown);
  });
});
