import fc from 'fast-check';
import { seats } from '../auth/seats';
import { toErrorIssues } from '../validation';
import type { CaseViewField } from './case.schemas';
import { consentCategories, type ConsentCategory } from './consent.schemas';
import {
  canSeeDocumentCategory,
  detectContentType,
  visibleDocumentCategories,
  type ConsentRecipient,
  type DocumentReader,
} from './document.rules';
import { documentFilenameSchema, documentUploadQuerySchema } from './document.schemas';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  );

describe('detectContentType', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.4\n%%EOF'), 'application/pdf'],
    ['a PDF header alone', bytes('%PDF-'), 'application/pdf'],
    ['a PNG', bytes(0x89, 'PNG\r\n', 0x1a, '\n', 0, 0, 0, 13, 'IHDR'), 'image/png'],
    ['a JPEG (JFIF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF'), 'image/jpeg'],
    ['a JPEG (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1), 'image/jpeg'],
    ['an empty file', bytes(), null],
    ['a truncated PDF header', bytes('%PDF'), null],
    ['a truncated PNG signature', bytes(0x89, 'PNG\r\n', 0x1a), null],
    ['a Windows executable', bytes('MZ', 0x90, 0, 3, 0), null],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>'), null],
    ['a PDF header after a byte-order mark', bytes(0xef, 0xbb, 0xbf, '%PDF-1.4'), null],
    ['a ZIP (docx)', bytes('PK', 3, 4), null],
    ['a GIF', bytes('GIF89a'), null],
    ['lower-case "%pdf-"', bytes('%pdf-1.4'), null],
  ])('%s → %s', (_label, input, expected) => {
    expect(detectContentType(input)).toBe(expected);
  });

  it('depends on the first bytes only: whatever follows a signature keeps the type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          bytes('%PDF-'),
          bytes(0x89, 'PNG\r\n', 0x1a, '\n'),
          bytes(0xff, 0xd8, 0xff),
        ),
        fc.uint8Array({ maxLength: 64 }),
        (head, tail) => {
          const whole = new Uint8Array([...head, ...tail]);
          expect(detectContentType(whole)).toBe(detectContentType(head));
        },
      ),
    );
  });

  it('takes a Buffer as it comes from the request', () => {
    expect(detectContentType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
  });
});

const owning: ConsentRecipient = { isOwningOrganisation: true };
const consentedTo = (...categories: ConsentCategory[]): ConsentRecipient => ({
  isOwningOrganisation: false,
  consented: new Set<ConsentCategory>(['housingProfile', ...categories]),
});
const noConsent = consentedTo();

// Readable field lists shaped like the projection table's rows; the server's test checks the real table.
const everything: CaseViewField[] = [
  'identity',
  'contact',
  'addresses',
  'household',
  'housingNeeds',
  'wishes',
  'supportNeeds',
  'sensitive',
  'exceptions',
  'excluded',
];
const chairLike: CaseViewField[] = [
  'identity',
  'addresses',
  'household',
  'housingNeeds',
  'wishes',
  'supportNeeds',
  'exceptions',
  'excluded',
];
const withContact: CaseViewField[] = [...chairLike, 'contact'];
const corporationLike: CaseViewField[] = ['household', 'housingNeeds'];
const nothing: CaseViewField[] = [];

describe('canSeeDocumentCategory', () => {
  it.each<[string, DocumentReader, ConsentCategory, boolean]>([
    [
      'the owning case manager: sensitive',
      { seat: 'casemanager', readableFields: everything, recipient: owning },
      'sensitive',
      true,
    ],
    [
      'the owning case manager: identity and contact',
      { seat: 'casemanager', readableFields: everything, recipient: owning },
      'identityContact',
      true,
    ],
    [
      'a seat that reads the field, owning organisation',
      { seat: 'chair', readableFields: chairLike, recipient: owning },
      'supportNeeds',
      true,
    ],
    [
      'another organisation without consent: support needs',
      { seat: 'chair', readableFields: chairLike, recipient: noConsent },
      'supportNeeds',
      false,
    ],
    [
      'another organisation with consent: support needs',
      { seat: 'chair', readableFields: chairLike, recipient: consentedTo('supportNeeds') },
      'supportNeeds',
      true,
    ],
    [
      'consent for another category does not count',
      { seat: 'chair', readableFields: chairLike, recipient: consentedTo('identityContact') },
      'supportNeeds',
      false,
    ],
    [
      'the housing profile needs no consent',
      { seat: 'chair', readableFields: chairLike, recipient: noConsent },
      'housingProfile',
      true,
    ],
    [
      'sensitive: reading the exceptions but not the sensitive section is not enough, even with consent',
      { seat: 'chair', readableFields: chairLike, recipient: consentedTo('sensitive') },
      'sensitive',
      false,
    ],
    [
      'sensitive: not enough even as the owning organisation',
      { seat: 'chair', readableFields: chairLike, recipient: owning },
      'sensitive',
      false,
    ],
    [
      'identity: reading the name but not the contact details is not enough',
      { seat: 'chair', readableFields: chairLike, recipient: consentedTo('identityContact') },
      'identityContact',
      false,
    ],
    [
      'identity: reading all three with consent',
      { seat: 'chair', readableFields: withContact, recipient: consentedTo('identityContact') },
      'identityContact',
      true,
    ],
    [
      'identity: reading all three without consent',
      { seat: 'chair', readableFields: withContact, recipient: noConsent },
      'identityContact',
      false,
    ],
    [
      'a corporation never sees support needs, even with consent',
      {
        seat: 'corporation',
        readableFields: corporationLike,
        recipient: consentedTo('supportNeeds'),
      },
      'supportNeeds',
      false,
    ],
    [
      'a corporation does not see a housing-profile document: it may hold the wishes it does not read',
      { seat: 'corporation', readableFields: corporationLike, recipient: noConsent },
      'housingProfile',
      false,
    ],
    [
      'a seat that reads nothing sees nothing, even as owner',
      { seat: 'regionAdmin', readableFields: nothing, recipient: owning },
      'housingProfile',
      false,
    ],
  ])('%s', (_label, reader, category, expected) => {
    expect(canSeeDocumentCategory(reader, category)).toBe(expected);
  });

  it.each<[string, DocumentReader, boolean]>([
    [
      'the case manager',
      { seat: 'casemanager', readableFields: everything, recipient: owning },
      true,
    ],
    [
      'another seat that reads all three, with consent',
      { seat: 'chair', readableFields: withContact, recipient: consentedTo('identityContact') },
      false,
    ],
    [
      'another seat that reads all three, owning organisation',
      { seat: 'municipality', readableFields: withContact, recipient: owning },
      false,
    ],
  ])(
    "women's shelter: identity documents (they show the address) only for the case manager: %s",
    (_label, reader, expected) => {
      expect(canSeeDocumentCategory(reader, 'identityContact', 'womensShelter')).toBe(expected);
      expect(canSeeDocumentCategory(reader, 'identityContact', 'protectedHousing')).toBe(true);
      expect(canSeeDocumentCategory(reader, 'housingProfile', 'womensShelter')).toBe(true);
    },
  );

  it('visibleDocumentCategories lists exactly the categories canSeeDocumentCategory allows', () => {
    const fields = fc.subarray(everything);
    const recipient = fc.oneof(
      fc.constant<ConsentRecipient>(owning),
      fc.subarray([...consentCategories]).map((c) => consentedTo(...c)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...seats),
        fields,
        recipient,
        fc.constantFrom('protectedHousing', 'womensShelter', null),
        (seat, readableFields, r, targetGroup) => {
          const reader = { seat, readableFields, recipient: r } as DocumentReader;
          const visible = visibleDocumentCategories(reader, targetGroup as never);
          for (const category of consentCategories)
            expect(visible.includes(category)).toBe(
              canSeeDocumentCategory(reader, category, targetGroup as never),
            );
        },
      ),
    );
  });

  it('withdrawing consent never widens what is seen (monotone in consent)', () => {
    fc.assert(
      fc.property(
        fc.subarray(everything),
        fc.subarray([...consentCategories]),
        fc.subarray([...consentCategories]),
        (readableFields, more, less) => {
          const wide = visibleDocumentCategories({
            seat: 'chair',
            readableFields,
            recipient: consentedTo(...more, ...less),
          });
          const narrow = visibleDocumentCategories({
            seat: 'chair',
            readableFields,
            recipient: consentedTo(...less),
          });
          for (const category of narrow) expect(wide).toContain(category);
        },
      ),
    );
  });
});

describe('documentUploadQuerySchema', () => {
  it.each([
    ['a plain name', 'toestemming.pdf'],
    ['spaces and accents', 'Toestemming getekend – één.pdf'],
    ['200 characters', `${'a'.repeat(196)}.pdf`],
    ['a name with dots', 'verslag.v2.final.pdf'],
  ])('accepts %s', (_label, filename) => {
    expect(documentUploadQuerySchema.safeParse({ category: 'sensitive', filename }).success).toBe(
      true,
    );
  });

  it.each([
    ['an empty name', '', 'Geef de bestandsnaam mee.'],
    ['blanks only', '   ', 'Geef de bestandsnaam mee.'],
    ['a relative path', '../etc/passwd', 'Een bestandsnaam bevat geen / of \\.'],
    ['a Windows path', 'C:\\Users\\x.pdf', 'Een bestandsnaam bevat geen / of \\.'],
    ['a directory', 'map/bestand.pdf', 'Een bestandsnaam bevat geen / of \\.'],
    [
      '201 characters',
      `${'a'.repeat(197)}.pdf`,
      'De bestandsnaam is te lang (hoogstens 200 tekens).',
    ],
    [
      'a newline (header injection)',
      'a.pdf\r\nSet-Cookie: x=y',
      'De bestandsnaam bevat een ongeldig teken.',
    ],
    ['a NUL byte', 'a.pdf\u0000.exe', 'De bestandsnaam bevat een ongeldig teken.'],
    [
      'a right-to-left override',
      'rapport\u202Efdp.exe',
      'De bestandsnaam bevat een ongeldig teken.',
    ],
    ['dot-dot', '..', 'Geen geldige bestandsnaam.'],
  ])('refuses %s at filename, in Dutch', (_label, filename, message) => {
    const result = documentUploadQuerySchema.safeParse({ category: 'sensitive', filename });
    expect(result.success).toBe(false);
    expect(toErrorIssues(result.error!)).toContainEqual({ path: 'filename', message });
  });

  it.each([
    ['an unknown category', { category: 'everything', filename: 'a.pdf' }, 'category'],
    ['no category', { filename: 'a.pdf' }, 'category'],
    ['no filename', { category: 'sensitive' }, 'filename'],
    ['a stray key', { category: 'sensitive', filename: 'a.pdf', size: '1' }, 'size'],
    [
      'a repeated parameter (an array)',
      { category: 'sensitive', filename: ['a.pdf', 'b.pdf'] },
      'filename',
    ],
  ])('refuses %s at its field', (_label, query, path) => {
    const result = documentUploadQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(toErrorIssues(result.error!).map((i) => i.path)).toContain(path);
  });

  it('trims the name it keeps', () => {
    expect(documentFilenameSchema.parse('  formulier.pdf ')).toBe('formulier.pdf');
  });
});
