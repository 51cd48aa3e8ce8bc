import { z } from 'zod';
import { safeText } from '../primitives';
import '../validation';
import { organisationKindLabel, organisationKinds, seatLabel, seats } from '../auth/seats';
import { targetGroupLabel, targetGroups } from '../regions/rule-set.schemas';
import { addressKinds } from '../origin-rule/origin-rule.schemas';
import { addressSourceLabel, addressSources } from '../cases/case.schemas';
import {
  dwellingKindLabel,
  dwellingKinds,
  tenancyFormLabel,
  tenancyForms,
  type DwellingField,
} from '../dwellings/dwelling.schemas';

/**
 * Bringing a region in (issue 28): one workbook (or one CSV per sheet) with its organisations,
 * users, cases and their addresses, dwellings and contingents. This file names the sheets and
 * their columns (the template, the reader and the page share them), the limits and the report.
 */

export const importSheets = [
  'Organisaties',
  'Gebruikers',
  'Casussen',
  'Adressen',
  'Woningen',
  'Contingenten',
] as const;
export type ImportSheet = (typeof importSheets)[number];

/** The sheet of the template that lists the allowed values of every coded column; never read. */
export const allowedValuesSheet = 'Toegestane waarden';

/** The whole upload, workbook or CSV files together. */
export const maxImportBytes = 20 * 1024 * 1024;
/** Data rows over all sheets. */
export const maxImportRows = 50_000;

/** One allowed value of a coded column: what the file may say (the Dutch label, as the UI shows it) and what it means. */
export interface ImportChoice {
  readonly code: string;
  readonly label: string;
}

const choicesOf = <T extends string>(
  codes: readonly T[],
  labels: Record<T, string>,
): readonly ImportChoice[] => codes.map((code) => ({ code, label: labels[code] }));

export const organisationKindChoices = choicesOf(organisationKinds, organisationKindLabel);
export const seatChoices = choicesOf(seats, seatLabel);
export const targetGroupChoices = choicesOf(targetGroups, targetGroupLabel);
export const addressKindChoices = addressKinds.map((kind) => ({ code: kind, label: kind }));
export const addressSourceChoices = choicesOf(addressSources, addressSourceLabel);
export const dwellingKindChoices = choicesOf(dwellingKinds, dwellingKindLabel);
export const tenancyFormChoices = choicesOf(tenancyForms, tenancyFormLabel);
export const yesNoChoices: readonly ImportChoice[] = [
  { code: 'ja', label: 'ja' },
  { code: 'nee', label: 'nee' },
];

/**
 * How a cell is read. `regionMunicipality`: a CBS code (or the name) of one of the region's
 * municipalities; `municipalityCode`: any CBS code (an address may lie outside the region).
 */
export type ImportColumnKind =
  | 'text'
  | 'email'
  | 'date'
  | 'integer'
  | 'amount'
  | 'choice'
  | 'regionMunicipality'
  | 'municipalityCode';

export interface ImportColumn {
  /** The column's name in row 1, exactly as the template writes it. */
  readonly name: string;
  readonly isRequired: boolean;
  readonly kind: ImportColumnKind;
  /** The note on the header cell of the template. */
  readonly note: string;
  /** The template's example row. */
  readonly example: string | number;
  readonly choices?: readonly ImportChoice[];
  /** Woningen: the field of the dwelling form this column fills (the dwelling import's reader does the rest). */
  readonly dwellingField?: DwellingField;
}

const dateNote = 'Een datum: een Excel-datum of tekst als dd-mm-jjjj.';
const cbsNote = 'De CBS-code van de gemeente, bijvoorbeeld GM0034 (zie Toegestane waarden).';
const choiceNote = (what: string) => `${what}: kies een waarde van het blad Toegestane waarden.`;

export const importColumns: Readonly<Record<ImportSheet, readonly ImportColumn[]>> = {
  Organisaties: [
    {
      name: 'Naam',
      isRequired: true,
      kind: 'text',
      note: 'De naam van de organisatie; de sleutel: dezelfde naam is dezelfde organisatie.',
      example: 'Voorbeeld Zorg',
    },
    {
      name: 'Soort',
      isRequired: true,
      kind: 'choice',
      choices: organisationKindChoices,
      note: choiceNote('Wat voor organisatie'),
      example: organisationKindLabel.provider,
    },
    {
      name: 'Gemeente (CBS-code)',
      isRequired: false,
      kind: 'regionMunicipality',
      note: `Alleen voor een gemeente. ${cbsNote}`,
      example: '',
    },
  ],
  Gebruikers: [
    {
      name: 'E-mail',
      isRequired: true,
      kind: 'email',
      note: 'Het e-mailadres; de sleutel. De gebruiker krijgt een uitnodiging en kiest zelf een wachtwoord.',
      example: 'casemanager@voorbeeld.nl',
    },
    {
      name: 'Naam',
      isRequired: true,
      kind: 'text',
      note: 'Voor- en achternaam, zoals collega’s die zien.',
      example: 'Sam Voorbeeld',
    },
    {
      name: 'Organisatie',
      isRequired: true,
      kind: 'text',
      note: 'De naam van een organisatie van de regio of van het blad Organisaties.',
      example: 'Voorbeeld Zorg',
    },
    {
      name: 'Rol',
      isRequired: true,
      kind: 'choice',
      choices: seatChoices,
      note: choiceNote('De rol (zetel) binnen de organisatie'),
      example: seatLabel.casemanager,
    },
  ],
  Casussen: [
    {
      name: 'Extern kenmerk',
      isRequired: true,
      kind: 'text',
      note: 'Uw eigen nummer van de bewoner (bijvoorbeeld uit de wachtlijst); de sleutel bij opnieuw inlezen.',
      example: 'WL-0001',
    },
    { name: 'Voornaam', isRequired: true, kind: 'text', note: 'Voornaam.', example: 'Alex' },
    { name: 'Achternaam', isRequired: true, kind: 'text', note: 'Achternaam.', example: 'Jansen' },
    {
      name: 'Geboortedatum',
      isRequired: false,
      kind: 'date',
      note: dateNote,
      example: '12-04-1990',
    },
    {
      name: 'Doelgroep',
      isRequired: true,
      kind: 'choice',
      choices: targetGroupChoices,
      note: choiceNote('De doelgroep'),
      example: targetGroupLabel.protectedHousing,
    },
    {
      name: 'Opnamedatum',
      isRequired: true,
      kind: 'date',
      note: `De eerste opname in de huidige voorziening; de regelmotor heeft haar nodig. ${dateNote}`,
      example: '01-03-2022',
    },
    {
      name: 'Casemanager (e-mail)',
      isRequired: true,
      kind: 'email',
      note: 'Een casemanager van de regio of van het blad Gebruikers; de casus hoort bij diens organisatie.',
      example: 'casemanager@voorbeeld.nl',
    },
    {
      name: 'Uitstroomgereed op',
      isRequired: false,
      kind: 'date',
      note: `Sinds wanneer de bewoner klaar is om uit te stromen: bij “uitstroomgereed” gaat de wachttijd vanaf deze datum lopen. ${dateNote}`,
      example: '01-09-2025',
    },
    {
      name: 'Wens gemeente (CBS-code)',
      isRequired: false,
      kind: 'regionMunicipality',
      note: `De gemeente waar de bewoner wil wonen, een gemeente van de regio. ${cbsNote}`,
      example: 'GM0034',
    },
  ],
  Adressen: [
    {
      name: 'Extern kenmerk',
      isRequired: true,
      kind: 'text',
      note: 'Het externe kenmerk van de casus op het blad Casussen.',
      example: 'WL-0001',
    },
    {
      name: 'Gemeente (CBS-code)',
      isRequired: true,
      kind: 'municipalityCode',
      note: `${cbsNote} Een adres mag buiten de regio liggen.`,
      example: 'GM0034',
    },
    {
      name: 'Soort',
      isRequired: true,
      kind: 'choice',
      choices: addressKindChoices,
      note: choiceNote('woonadres, instelling of briefadres'),
      example: 'woonadres',
    },
    { name: 'Van', isRequired: true, kind: 'date', note: dateNote, example: '01-05-2004' },
    {
      name: 'Tot',
      isRequired: false,
      kind: 'date',
      note: `Leeg als de bewoner er nog woont. ${dateNote}`,
      example: '01-03-2022',
    },
    {
      name: 'Bron',
      isRequired: true,
      kind: 'choice',
      choices: addressSourceChoices,
      note: choiceNote('Waar het adres vandaan komt'),
      example: addressSourceLabel.brp,
    },
  ],
  Woningen: [
    {
      name: 'Extern kenmerk',
      isRequired: true,
      kind: 'text',
      note: 'Het nummer van de woning bij de corporatie; de sleutel bij opnieuw inlezen.',
      example: 'VHE-1001',
    },
    {
      name: 'Corporatie',
      isRequired: true,
      kind: 'text',
      note: 'De naam van een woningcorporatie van de regio of van het blad Organisaties.',
      example: 'Voorbeeld Wonen',
    },
    ...(
      [
        ['Straat', true, 'text', 'street', 'Voorbeeldstraat', 'Straatnaam.'],
        ['Huisnummer', true, 'text', 'houseNumber', '12A', 'Huisnummer met toevoeging.'],
        ['Postcode', true, 'text', 'postcode', '1315 AB', 'Vier cijfers en twee letters.'],
        ['Gemeente (CBS-code)', true, 'regionMunicipality', 'municipalityCode', 'GM0034', cbsNote],
        ['Wijk', true, 'text', 'neighbourhood', 'Stedenwijk', 'De wijk (voor de wijkbelasting).'],
        ['Type', true, 'choice', 'kind', dwellingKindLabel.apartment, choiceNote('Het type')],
        [
          'Kamers',
          true,
          'integer',
          'rooms',
          2,
          'Woonkamer en slaapkamers samen; 0 voor een studio.',
        ],
        [
          'Huur',
          true,
          'amount',
          'rent',
          612.5,
          'Kale huur plus servicekosten per maand, in euro’s.',
        ],
        ['Beschikbaar vanaf', true, 'date', 'availableFrom', '01-03-2026', dateNote],
        [
          'Huurvorm',
          true,
          'choice',
          'tenancyForm',
          tenancyFormLabel.regular,
          choiceNote('De huurvorm'),
        ],
        ['Verdieping', false, 'integer', 'floor', 0, '0 is de begane grond; leeg telt als 0.'],
        ['Lift', false, 'choice', 'hasLift', 'nee', 'ja of nee; leeg telt als nee.'],
        [
          'Rolstoeltoegankelijk',
          false,
          'choice',
          'isWheelchairAccessible',
          'nee',
          'ja of nee; leeg telt als nee.',
        ],
        [
          'Omzetdatum',
          false,
          'date',
          'conversionDate',
          '',
          `Wanneer de huur op naam van de bewoner komt. ${dateNote}`,
        ],
      ] as const
    ).map(([name, isRequired, kind, dwellingField, example, note]) => ({
      name,
      isRequired,
      kind,
      dwellingField,
      example,
      note,
      ...(dwellingField === 'kind'
        ? { choices: dwellingKindChoices }
        : dwellingField === 'tenancyForm'
          ? { choices: tenancyFormChoices }
          : kind === 'choice'
            ? { choices: yesNoChoices }
            : {}),
    })),
  ],
  Contingenten: [
    {
      name: 'Corporatie',
      isRequired: true,
      kind: 'text',
      note: 'De naam van een woningcorporatie van de regio of van het blad Organisaties.',
      example: 'Voorbeeld Wonen',
    },
    {
      name: 'Gemeente (CBS-code)',
      isRequired: true,
      kind: 'regionMunicipality',
      note: cbsNote,
      example: 'GM0034',
    },
    {
      name: 'Jaar',
      isRequired: true,
      kind: 'integer',
      note: 'Het jaar, bijvoorbeeld 2026.',
      example: 2026,
    },
    {
      name: 'Aantal',
      isRequired: false,
      kind: 'integer',
      note: 'Het toegezegde aantal woningen; leeg als er nog geen aantal is afgesproken.',
      example: 5,
    },
  ],
};

/** The coded columns, each once per sheet, in the order of the allowed-values sheet. */
export const codedImportColumns = importSheets.flatMap((sheet) =>
  importColumns[sheet]
    .filter((column) => column.choices && column.choices !== yesNoChoices)
    .map((column) => ({ sheet, column })),
);

// ---- requests and answers ----

export const importQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'], { error: 'Kies true of false.' })
    .optional()
    .transform((value) => value === 'true'),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const importSheetCountSchema = z.object({
  sheet: z.enum(importSheets),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
});
export type ImportSheetCount = z.infer<typeof importSheetCountSchema>;

export const importReportSchema = z.object({
  /** True: nothing was saved; the counts say what an import would do. */
  isDryRun: z.boolean(),
  fileName: safeText(),
  /** SHA-256 of the file's bytes (of the CSV files one after the other), as the audit log records it. */
  sha256: safeText(),
  sheets: z.array(importSheetCountSchema),
  /** New users, who get (or would get) an invitation mail. */
  invitations: z.int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
