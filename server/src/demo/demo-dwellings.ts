import type { EntityManager } from 'typeorm';
import {
  amsterdamDate,
  amsterdamYear,
  addressKey,
  dwellingInputSchema,
  type DwellingInput,
} from '@uitstroom/shared';

/**
 * The demo dwellings and contingents: a handful of dwellings per corporation of both demo regions,
 * in the municipalities where each works, and this year's contingents. Streets and neighbourhoods
 * are of those towns; the house numbers are made up. No neighbourhood is one a demo resident's
 * address history names: the leak test looks for those strings in everything a corporation reads. Dates are relative to the seeding, so the
 * demo reads the same whenever it is seeded: some dwellings are free now, some in a month or two.
 */

type DemoDwelling = Omit<DwellingInput, 'availableFrom' | 'conversionDate'> & {
  freeInDays: number;
  convertAfterDays?: number;
};

const almere = 'GM0034',
  dronten = 'GM0303',
  lelystad = 'GM0995',
  noordoostpolder = 'GM0171',
  urk = 'GM0184',
  zeewolde = 'GM0050';
const deventer = 'GM0150',
  lochem = 'GM0262',
  olstWijhe = 'GM1773',
  raalte = 'GM0177',
  zutphen = 'GM0301';

const afterAYear =
  'Na een jaar zonder huurachterstand en met begeleiding volgens plan gaat de huur over op naam van de bewoner.';

const flat = (
  street: string,
  houseNumber: string,
  postcode: string,
  municipalityCode: string,
  neighbourhood: string,
  extra: Partial<DemoDwelling> = {},
): DemoDwelling => ({
  street,
  houseNumber,
  postcode,
  municipalityCode,
  neighbourhood,
  kind: 'apartment',
  rooms: 2,
  rent: 598.5,
  floor: 2,
  hasLift: true,
  isWheelchairAccessible: false,
  tenancyForm: 'viaProvider',
  conversionConditions: afterAYear,
  freeInDays: 0,
  convertAfterDays: 365,
  ...extra,
});

/** Per corporation (by its demo name), its dwellings; and per corporation the contingents of this year (null: no number agreed yet). */
export const demoDwellings: Record<string, DemoDwelling[]> = {
  Centrada: [
    flat('Agorahof', '14', '8224 JX', lelystad, 'Stadshart', {
      rooms: 0,
      kind: 'studio',
      rent: 489.25,
      floor: 1,
      freeInDays: -10,
    }),
    flat('Atolplaats', '31', '8232 PE', lelystad, 'Kustwijk', {
      rooms: 2,
      floor: 0,
      hasLift: false,
      isWheelchairAccessible: true,
      rent: 612,
      tenancyForm: 'housingFirst',
      freeInDays: 14,
    }),
    flat('Zuiderzeewijk', '102', '8224 BA', lelystad, 'Zuiderzeewijk', {
      rooms: 3,
      floor: 4,
      rent: 705,
      tenancyForm: 'regular',
      conversionConditions: undefined,
      convertAfterDays: undefined,
      freeInDays: 45,
    }),
    flat('Schouw', '8', '8226 LB', lelystad, 'Bolder', {
      kind: 'groundFloorHome',
      rooms: 2,
      floor: 0,
      hasLift: false,
      rent: 575,
      tenancyForm: 'viaMunicipality',
      freeInDays: 3,
    }),
  ],
  'Goede Stede': [
    flat('Stationsstraat', '21', '1315 KL', almere, 'Almere Stad', {
      rooms: 0,
      kind: 'studio',
      rent: 512,
      freeInDays: 0,
    }),
    flat('Grote Markt', '7', '1315 JG', almere, 'Centrum', {
      rooms: 2,
      floor: 3,
      rent: 640,
      freeInDays: 30,
    }),
    flat('Brouwerstraat', '5', '1315 BP', almere, 'Centrum', {
      kind: 'room',
      rooms: 1,
      floor: 1,
      hasLift: false,
      rent: 405,
      tenancyForm: 'clustered',
      freeInDays: 7,
    }),
  ],
  'De Alliantie': [
    flat('Kruidenwijk', '44', '1338 AK', almere, 'Kruidenwijk', {
      rooms: 2,
      floor: 0,
      hasLift: false,
      isWheelchairAccessible: true,
      rent: 598,
      freeInDays: 21,
    }),
    flat('Danswijk', '12', '1326 GA', almere, 'Danswijk', {
      rooms: 3,
      kind: 'house',
      floor: 0,
      hasLift: false,
      rent: 735,
      tenancyForm: 'regular',
      conversionConditions: undefined,
      convertAfterDays: undefined,
      freeInDays: 60,
    }),
    flat('Schoolstraat', '3', '3891 AB', zeewolde, 'Centrum', {
      rooms: 2,
      floor: 1,
      rent: 615,
      tenancyForm: 'temporary',
      freeInDays: 10,
    }),
  ],
  Ymere: [
    flat('Sluis', '220', '1332 AZ', almere, 'De Marken', {
      rooms: 0,
      kind: 'studio',
      rent: 470,
      tenancyForm: 'unconventional',
      freeInDays: -5,
    }),
    flat('Botter', '11', '8232 JN', lelystad, 'Boswijk', {
      rooms: 2,
      floor: 2,
      hasLift: false,
      rent: 585,
      freeInDays: 20,
    }),
  ],
  'Oost Flevoland Woondiensten': [
    flat('De Rede', '9', '8251 EW', dronten, 'Dronten-centrum', {
      rooms: 2,
      floor: 0,
      hasLift: false,
      isWheelchairAccessible: true,
      rent: 590,
      freeInDays: 0,
    }),
    flat('Educalaan', '28', '8253 PR', dronten, 'Dronten-west', {
      rooms: 0,
      kind: 'studio',
      floor: 1,
      rent: 480,
      tenancyForm: 'housingFirst',
      freeInDays: 35,
    }),
    flat('Harderweg', '4', '8255 AB', dronten, 'Swifterbant', {
      kind: 'house',
      rooms: 3,
      floor: 0,
      hasLift: false,
      rent: 690,
      tenancyForm: 'regular',
      conversionConditions: undefined,
      convertAfterDays: undefined,
      freeInDays: 90,
    }),
  ],
  Mercatus: [
    flat('Lange Nering', '60', '8302 EE', noordoostpolder, 'Emmeloord-centrum', {
      rooms: 2,
      floor: 1,
      rent: 560,
      freeInDays: 5,
    }),
    flat('Espelerlaan', '17', '8302 DA', noordoostpolder, 'Emmeloord-west', {
      rooms: 1,
      kind: 'room',
      floor: 0,
      hasLift: false,
      rent: 395,
      tenancyForm: 'clustered',
      freeInDays: 0,
    }),
    flat('Wijk 2', '41', '8321 ET', urk, 'Urk-oost', {
      rooms: 2,
      floor: 0,
      hasLift: false,
      isWheelchairAccessible: true,
      rent: 602,
      freeInDays: 28,
    }),
  ],
  Patrimonium: [
    flat('Staversloot', '6', '8322 AA', urk, 'Zeeheldenwijk', {
      rooms: 2,
      floor: 1,
      hasLift: false,
      rent: 548,
      freeInDays: 12,
    }),
  ],
  Woonpalet: [
    flat('Horsterweg', '150', '3893 BA', zeewolde, 'Horst', {
      rooms: 2,
      floor: 0,
      hasLift: false,
      rent: 575,
      freeInDays: 40,
    }),
  ],
  'Woonbedrijf ieder1': [
    flat('Brinkgreverweg', '88', '7413 AD', deventer, 'Brinkgreven', {
      rooms: 2,
      floor: 1,
      rent: 593,
      freeInDays: 0,
    }),
    flat('Rielerweg', '15', '7416 ZA', deventer, 'Rivierenwijk', {
      rooms: 0,
      kind: 'studio',
      floor: 3,
      rent: 495,
      tenancyForm: 'housingFirst',
      freeInDays: 25,
    }),
  ],
  Rentree: [
    flat('Keizerstraat', '9', '7411 HD', deventer, 'Binnenstad', {
      rooms: 1,
      kind: 'room',
      floor: 2,
      hasLift: false,
      rent: 410,
      tenancyForm: 'clustered',
      freeInDays: 10,
    }),
  ],
  Viverion: [
    flat('Nieuweweg', '33', '7241 EW', lochem, 'Centrum', {
      rooms: 2,
      floor: 0,
      hasLift: false,
      isWheelchairAccessible: true,
      rent: 605,
      freeInDays: 15,
    }),
    flat('Spittaalstraat', '70', '7201 EE', zutphen, 'Binnenstad', {
      rooms: 2,
      floor: 1,
      rent: 588,
      freeInDays: 50,
    }),
  ],
  'Salland Wonen': [
    flat('Kerkstraat', '19', '8102 EA', raalte, 'Raalte-centrum', {
      rooms: 2,
      floor: 0,
      hasLift: false,
      rent: 570,
      freeInDays: 8,
    }),
    flat('Boxbergerweg', '2', '8121 PS', olstWijhe, 'Olst', {
      kind: 'groundFloorHome',
      rooms: 3,
      floor: 0,
      hasLift: false,
      rent: 640,
      freeInDays: 30,
    }),
  ],
};

/** This year's promises: corporation → municipality → number (null: agreed in principle, no number yet, as under the Akkoord of 2021). */
export const demoContingents: Record<string, Record<string, number | null>> = {
  Centrada: { [lelystad]: 8 },
  'Goede Stede': { [almere]: 10 },
  'De Alliantie': { [almere]: 6, [zeewolde]: 2 },
  Ymere: { [almere]: 5, [lelystad]: null },
  'Oost Flevoland Woondiensten': { [dronten]: 4 },
  Mercatus: { [noordoostpolder]: 4, [urk]: 2 },
  Patrimonium: { [urk]: null },
  Woonpalet: { [zeewolde]: 2 },
  'Woonbedrijf ieder1': { [deventer]: 6 },
  Rentree: { [deventer]: 3 },
  Viverion: { [lochem]: 2, [zutphen]: 2 },
  'Salland Wonen': { [raalte]: 2, [olstWijhe]: null },
};

const dayMs = 86_400_000;
const isoDay = (date: Date) => amsterdamDate(date);

/** Seeds the dwellings and contingents in the seed's transaction, after the organisations and users exist. */
export async function seedDemoDwellings(
  tx: EntityManager,
  reference: Date = new Date(),
): Promise<{ dwellings: number; contingents: number }> {
  const corporations: { id: string; name: string; region_id: string; user_id: string }[] =
    await tx.query(
      `SELECT o.id, o.name, o.region_id, (SELECT u.id FROM app_user u WHERE u.organisation_id = o.id ORDER BY u.email LIMIT 1) AS user_id
       FROM organisation o WHERE o.kind = 'corporation'`,
    );
  const byName = new Map(corporations.map((c) => [c.name, c]));
  let dwellings = 0;
  for (const [name, list] of Object.entries(demoDwellings)) {
    const corporation = byName.get(name);
    if (!corporation) throw new Error(`demo corporation ${name} does not exist`);
    for (const { freeInDays, convertAfterDays, ...fields } of list) {
      const availableFrom = isoDay(new Date(reference.getTime() + freeInDays * dayMs));
      // The demo passes the same schema as the form and the import.
      const dwelling = dwellingInputSchema.parse({
        ...fields,
        availableFrom,
        ...(convertAfterDays !== undefined
          ? {
              conversionDate: isoDay(
                new Date(reference.getTime() + (freeInDays + convertAfterDays) * dayMs),
              ),
            }
          : {}),
      });
      await tx.query(
        `INSERT INTO dwelling (region_id, organisation_id, created_by, updated_by, municipality_code, street, house_number, postcode, address_key, neighbourhood,
           kind, rooms, rent, floor, has_lift, is_wheelchair_accessible, accessibility_notes, available_from, tenancy_form, conversion_date, conversion_conditions)
         VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
        [
          corporation.region_id,
          corporation.id,
          corporation.user_id,
          dwelling.municipalityCode,
          dwelling.street,
          dwelling.houseNumber,
          dwelling.postcode,
          addressKey(dwelling),
          dwelling.neighbourhood,
          dwelling.kind,
          dwelling.rooms,
          dwelling.rent,
          dwelling.floor,
          dwelling.hasLift,
          dwelling.isWheelchairAccessible,
          dwelling.accessibilityNotes ?? null,
          dwelling.availableFrom,
          dwelling.tenancyForm,
          dwelling.conversionDate ?? null,
          dwelling.conversionConditions ?? null,
        ],
      );
      dwellings += 1;
    }
  }
  const year = amsterdamYear(reference);
  let contingents = 0;
  for (const [name, promises] of Object.entries(demoContingents)) {
    const corporation = byName.get(name)!;
    for (const [municipalityCode, promised] of Object.entries(promises)) {
      await tx.query(
        `INSERT INTO contingent (region_id, organisation_id, municipality_code, year, promised, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
        [
          corporation.region_id,
          corporation.id,
          municipalityCode,
          year,
          promised,
          corporation.user_id,
        ],
      );
      contingents += 1;
    }
  }
  return { dwellings, contingents };
}
