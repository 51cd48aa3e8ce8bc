import type { EntityManager } from 'typeorm';
import {
  addDays,
  addMonths,
  amsterdamDate,
  startOfMonth,
  caseSectionsSchema,
  missingForReady,
  type CaseAddress,
  type CaseDraft,
  type CaseOutcome,
  type Contact,
  type Household,
  type HousingNeeds,
  type OriginException,
  type Sensitive,
  type SupportNeeds,
  type TargetGroup,
  type Wishes,
} from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { insertCase, prepareCaseWrite, recordCaseEvent } from '../cases';
import { getCurrentRuleSet } from '../regions';

/**
 * The demo cases: fictional residents, each a case file as a case manager would have built it.
 * Every date is relative to the moment of seeding (months or days ago), so that the youth band,
 * the waiting clock and the stalled marker still read right whenever the demo is seeded.
 * Names, histories and notes are made up; streets carry no house numbers and no BSN is given.
 */

// ---- the municipalities (CBS codes) ----
const almere = 'GM0034',
  dronten = 'GM0303',
  lelystad = 'GM0995',
  noordoostpolder = 'GM0171',
  urk = 'GM0184',
  zeewolde = 'GM0050';
const deventer = 'GM0150',
  lochem = 'GM0262',
  raalte = 'GM0177',
  zutphen = 'GM0301';
// Outside both demo regions.
const amsterdam = 'GM0363',
  zwolle = 'GM0193',
  leeuwarden = 'GM0080';

// ---- the case managers (demo-regions.ts) ----
const kwintes = 'regisseur@kwintes.demo';
const legerDesHeils = 'regisseur@leger-des-heils.demo';
const tactus = 'regisseur@tactus.demo';

// ---- the facilities ----
const deWissel = 'Kwintes, Beschermd wonen De Wissel, Almere';
const kwintesLelystad = 'Kwintes, Beschermd wonen Lelystad';
const kwintesEmmeloord = 'Kwintes, Beschermd wonen Emmeloord';
const kwintesDronten = 'Kwintes, Beschermd wonen Dronten';
const opvangLelystad = 'Leger des Heils, Opvang Lelystad';
const opvangAlmere = 'Leger des Heils, Maatschappelijke opvang Almere';
const vrouwenopvang = 'Vrouwenopvang Flevoland (adres geheim)';
const timonDronten = 'Timon, Kamertraining Dronten';
const timonAlmere = 'Timon, Kamertraining Almere';
const triadeLelystad = 'Triade, Jongerenhuis Lelystad';
const triadeEmmeloord = 'Triade, Begeleid wonen jongeren Emmeloord';

// ---- the building blocks of a case ----
type Source = CaseAddress['source'];
interface AddressStep {
  kind: CaseAddress['kind'];
  municipality: string;
  monthsAgo: number;
  source: Source;
  street?: string;
}
/** Each step runs until the next one starts; the last is where the resident is now. */
const woon = (
  municipality: string,
  monthsAgo: number,
  source: Source = 'brp',
  street?: string,
): AddressStep => ({
  kind: 'woonadres',
  municipality,
  monthsAgo,
  source,
  ...(street ? { street } : {}),
});
const inst = (
  municipality: string,
  monthsAgo: number,
  source: Source = 'providerFile',
): AddressStep => ({ kind: 'instelling', municipality, monthsAgo, source });
const brief = (municipality: string, monthsAgo: number, source: Source = 'brp'): AddressStep => ({
  kind: 'briefadres',
  municipality,
  monthsAgo,
  source,
});

const single = (description?: string): Household => ({
  adults: 1,
  children: 0,
  ...(description ? { description } : {}),
});
const withChildren = (children: number, description: string): Household => ({
  adults: 1,
  children,
  description,
});
const wish = (
  municipalities: string[],
  dwellingType: NonNullable<Wishes['dwellingType']>,
  ownWords: string,
  neighbourhoodNote?: string,
): Wishes => ({
  ...(municipalities.length ? { municipalities } : {}),
  dwellingType,
  ownWords,
  ...(neighbourhoodNote ? { neighbourhoodNote } : {}),
});
/** Support needs in the four life domains of the AEF report, in that order. */
const life = (
  incomeAndDebts: string,
  housing: string,
  supportAndCare: string,
  participation: string,
): SupportNeeds => ({ incomeAndDebts, housing, supportAndCare, participation });
const viaLocation: Contact = { note: 'Bereikbaar via de persoonlijk begeleider op de locatie.' };
const viaCaseManagerOnly: Contact = {
  note: 'Alleen bereikbaar via de casemanager. Nooit doorverbinden en geen verblijfplaats noemen.',
};

type Timeline =
  | { state: 'intake'; createdDaysAgo: number; lastActivityDaysAgo: number }
  | { state: 'ready'; createdDaysAgo: number; readyDaysAgo: number; lastActivityDaysAgo: number }
  | {
      state: 'closed';
      createdDaysAgo: number;
      readyDaysAgo: number | null;
      closedDaysAgo: number;
      outcome: Extract<CaseOutcome, 'withdrawn' | 'droppedOut'>;
      reason: string;
    };
const intake = (createdDaysAgo: number, lastActivityDaysAgo: number): Timeline => ({
  state: 'intake',
  createdDaysAgo,
  lastActivityDaysAgo,
});
const ready = (
  createdDaysAgo: number,
  readyDaysAgo: number,
  lastActivityDaysAgo: number,
): Timeline => ({ state: 'ready', createdDaysAgo, readyDaysAgo, lastActivityDaysAgo });
const closed = (
  createdDaysAgo: number,
  readyDaysAgo: number | null,
  closedDaysAgo: number,
  outcome: 'withdrawn' | 'droppedOut',
  reason: string,
): Timeline => ({ state: 'closed', createdDaysAgo, readyDaysAgo, closedDaysAgo, outcome, reason });

interface DemoCase {
  manager: string;
  name: [firstName: string, lastName: string];
  /** Age in whole years on the day of seeding. */
  age: number;
  group: TargetGroup;
  facility: string;
  /** False while the intake has not found the admission date yet. */
  admissionKnown?: false;
  household?: Household;
  contact?: Contact;
  addresses?: AddressStep[];
  untraceable?: true;
  wishes?: Wishes;
  housing?: HousingNeeds;
  support?: SupportNeeds;
  sensitive?: Sensitive;
  exceptions?: OriginException[];
  excluded?: string[];
  timeline: Timeline;
}

// ---- the residents ----
export const demoCases: DemoCase[] = [
  // ===== Flevoland: Kwintes (Sanne Willems) and Leger des Heils (Youssef Bouzid) =====
  {
    manager: kwintes,
    name: ['Jeroen', 'Visscher'],
    age: 41,
    group: 'protectedHousing',
    facility: deWissel,
    addresses: [woon(lelystad, 240), woon(almere, 150, 'brp', 'Stedenwijk'), inst(almere, 28)],
    wishes: wish(
      [almere],
      'apartment',
      'Ik wil in Almere blijven. Mijn dochter woont in Almere Buiten en ik zie haar elke zaterdag. Een kleine flat is genoeg voor mij.',
    ),
    // Wijken from the region's list (issue 26); none from his own address history.
    housing: { rooms: 2, maxRent: 620, wishedNeighbourhoods: ['Almere Buiten'] },
    support: life(
      'Wajong-uitkering. Schuld bij de zorgverzekeraar; een betalingsregeling loopt via de gemeente.',
      'Kan zelf koken en schoonmaken. De post openen blijft lastig.',
      'Ambulante begeleiding 3 uur per week; het FACT-team blijft betrokken.',
      'Werkt twee dagen per week in de kringloopwinkel.',
    ),
    sensitive: {
      diagnoses: 'Schizofrenie, stabiel met depotmedicatie.',
      addiction: 'Blowen tot 2021, sindsdien niet meer.',
      risks: 'Stopt hij met medicatie, dan gaat het snel achteruit. Er is een signaleringsplan.',
    },
    timeline: ready(75, 45, 2),
  },
  {
    manager: kwintes,
    name: ['Mohamed', 'Ait Taleb'],
    age: 33,
    group: 'protectedHousing',
    facility: kwintesLelystad,
    addresses: [woon(almere, 200), woon(lelystad, 110, 'brp', 'Atolwijk'), inst(lelystad, 30)],
    // A wish elsewhere without exception A or B: Lelystad (the origin) stays the destination.
    wishes: wish(
      [almere, lelystad],
      'studio',
      'Ik wil graag naar Almere. Daar wonen mijn broers en er is meer werk. Lelystad is ook goed als het niet anders kan.',
      'In Lelystad liever bij het centrum, en niet de Zuiderzeewijk.',
    ),
    housing: {
      rooms: 1,
      maxRent: 550,
      wishedNeighbourhoods: ['Stadshart', 'Bolder'],
      avoidedNeighbourhoods: ['Zuiderzeewijk'],
    },
    support: life(
      'Bijstandsuitkering. Schuldsanering afgerond in 2023, geen nieuwe schulden.',
      'Heeft hulp nodig bij plannen en bij de vaste lasten.',
      'Ambulante begeleiding 4 uur per week; psychiater eens per maand.',
      'Wil een opleiding tot magazijnmedewerker volgen.',
    ),
    sensitive: {
      diagnoses: 'Posttraumatische stressstoornis en ADHD.',
      risks: 'Slaapt slecht bij spanning en wordt dan prikkelbaar.',
    },
    // Waiting over three months, and nobody touched the file for 20 days: stalled.
    timeline: ready(130, 100, 20),
  },
  {
    manager: kwintes,
    name: ['Jennifer', 'Sabajo'],
    age: 29,
    group: 'protectedHousing',
    facility: kwintesLelystad,
    addresses: [woon(lelystad, 180, 'brp', 'Waterwijk'), inst(lelystad, 20)],
    wishes: wish(
      [dronten],
      'apartment',
      'Ik doe vrijwilligerswerk bij de dierenopvang in Dronten. Ik zou daar graag wonen, maar met de bus lukt het ook.',
    ),
    housing: { rooms: 2, pets: 'Een kat', maxRent: 600 },
    support: life(
      'Participatiewet-uitkering; budgetbeheer via de gemeente.',
      'Kan zelfstandig wonen; hulp bij de administratie.',
      'Ambulante begeleiding 2 uur per week; huisarts en POH-ggz.',
      'Vrijwilligerswerk bij de dierenopvang, drie ochtenden per week.',
    ),
    sensitive: {
      diagnoses: 'Borderline persoonlijkheidsstoornis; DGT-behandeling afgerond.',
      risks: 'Zelfbeschadiging in het verleden, laatst in 2023. Er is een crisiskaart.',
    },
    // B that does not apply: Dronten is reachable from Lelystad, so the origin stands.
    exceptions: [
      {
        kind: 'B',
        municipality: dronten,
        ground: 'daginvulling',
        canTravelFromOrigin: true,
        motivation:
          'Vrijwilligerswerk bij de dierenopvang in Dronten, drie ochtenden per week; de bus vanuit Lelystad rijdt elk half uur.',
      },
    ],
    timeline: ready(25, 3, 3),
  },
  {
    manager: legerDesHeils,
    name: ['Wiebe', 'Terpstra'],
    age: 52,
    group: 'shelter',
    facility: opvangLelystad,
    addresses: [
      woon(noordoostpolder, 300),
      woon(noordoostpolder, 140, 'brp', 'Ens'),
      brief(lelystad, 22),
      inst(lelystad, 18),
    ],
    wishes: wish(
      [noordoostpolder],
      'groundFloorHome',
      'Ik wil terug naar de polder. Ik heb daar altijd gewoond en mijn zus woont in Ens.',
      'Ens of Emmeloord',
    ),
    housing: {
      rooms: 2,
      groundFloorOrLift: true,
      accessibility: 'Geen trappen: versleten knie.',
      maxRent: 650,
    },
    support: life(
      'Schulden van ongeveer € 18.000; aanmelding voor de Wsnp loopt.',
      'Uitgezet in 2022 na huurachterstand. Vaste lasten straks via automatische incasso.',
      'Begeleiding na de verhuizing nodig, minstens 2 uur per week.',
      'Was vrachtwagenchauffeur; wil weer werken na behandeling van de knie.',
    ),
    sensitive: {
      addiction: 'Alcohol; sinds de opname gecontroleerd drinken met begeleiding.',
      risks: 'Kans op huurachterstand als het drinken weer toeneemt.',
    },
    timeline: ready(150, 120, 6),
  },
  {
    manager: legerDesHeils,
    name: ['Klaas', 'Romkes'],
    age: 38,
    group: 'shelter',
    facility: opvangLelystad,
    household: single(
      'Dakloos geraakt na de scheiding; twee kinderen wonen bij hun moeder op Urk.',
    ),
    addresses: [woon(urk, 220), woon(urk, 90, 'brp', 'Oranjewijk'), inst(lelystad, 14)],
    wishes: wish(
      [lelystad],
      'groundFloorHome',
      'Ik zou liever op Urk blijven. Maar drie keer per week met de taxi naar het ziekenhuis in Lelystad, dat hou ik niet vol.',
    ),
    housing: { rooms: 2, groundFloorOrLift: true, maxRent: 650 },
    support: life(
      'WIA-uitkering. Geen schulden.',
      'Een gelijkvloerse woning dicht bij het ziekenhuis.',
      'Thuiszorg op de dagen na de dialyse; ambulante begeleiding 2 uur per week.',
      'Wil het contact met zijn kinderen en met de kerk op Urk houden.',
    ),
    sensitive: { diagnoses: 'Nierfalen (dialyse), depressieve klachten.', risks: 'Vereenzaming.' },
    // D: a treatment is neither a network nor a daytime activity, so not B; the catch-all with a motivation.
    exceptions: [
      {
        kind: 'D',
        municipality: lelystad,
        motivation:
          'Dialyse drie keer per week in het ziekenhuis in Lelystad. Vanaf Urk is dat zonder eigen vervoer niet vol te houden; de nefroloog adviseert wonen in Lelystad.',
      },
    ],
    timeline: ready(60, 35, 1),
  },
  {
    manager: kwintes,
    name: ['Shirley', 'Martina'],
    age: 19,
    group: 'youthCare',
    facility: timonDronten,
    addresses: [woon(zeewolde, 225), inst(lelystad, 40), inst(dronten, 14)],
    wishes: wish(
      [zeewolde, dronten],
      'studio',
      'Ik wil dicht bij mijn moeder en mijn broertje wonen in Zeewolde. Een studio is goed, als ik maar mijn eigen voordeur heb.',
    ),
    housing: { rooms: 1, maxRent: 480 },
    support: life(
      'Studiefinanciering en zorgtoeslag; leert budgetteren.',
      'Oefent in de kamertraining met koken en schoonmaken, dat gaat goed.',
      'De jongerencoach van Timon blijft zes maanden na de verhuizing.',
      'Mbo-opleiding Pedagogisch werk in Almere.',
    ),
    sensitive: {
      diagnoses: 'Hechtingsproblematiek; geen behandeling op dit moment.',
      risks: 'Laat zich soms meeslepen door oudere vrienden.',
    },
    timeline: ready(50, 28, 5),
  },
  {
    manager: legerDesHeils,
    name: ['Emre', 'Kaya'],
    age: 20,
    group: 'youthCare',
    facility: timonAlmere,
    addresses: [woon(almere, 236), inst(almere, 30)],
    wishes: wish(
      [dronten],
      'room',
      'Ik wil in Dronten wonen, dicht bij de bakkerij. Ik wil dit diploma echt halen.',
    ),
    housing: { rooms: 1, maxRent: 450 },
    support: life(
      'Leerwerkloon; geen schulden.',
      'Kan zelfstandig wonen; hulp bij post en toeslagen.',
      'Jongerencoach 1 uur per week.',
      'BBL-opleiding bakker, niveau 2, vier dagen per week.',
    ),
    sensitive: {
      diagnoses: 'Autismespectrumstoornis.',
      risks: 'Raakt overprikkeld in een drukke woonomgeving.',
    },
    // B that applies: the early shift in Dronten cannot be reached from Almere.
    exceptions: [
      {
        kind: 'B',
        municipality: dronten,
        ground: 'daginvulling',
        canTravelFromOrigin: false,
        motivation:
          'Leerwerkplek bij een bakkerij in Dronten, vier dagen per week. De dienst begint om 5.00 uur; vanuit Almere rijdt dan geen openbaar vervoer.',
      },
    ],
    timeline: ready(45, 12, 2),
  },
  {
    // An intake in progress: wishes, housing needs and the sensitive section still to do.
    manager: kwintes,
    name: ['Roy', 'Doelwijt'],
    age: 18,
    group: 'youthCare',
    facility: triadeLelystad,
    addresses: [woon(lelystad, 200), inst(lelystad, 20)],
    support: life(
      'Heeft net een bankrekening; bewindvoering wordt aangevraagd.',
      '',
      '',
      'Zoekt een opleiding in de techniek.',
    ),
    timeline: intake(6, 1),
  },
  {
    manager: legerDesHeils,
    name: ['Naomi', 'Isenia'],
    age: 21,
    group: 'youthCare',
    facility: triadeEmmeloord,
    addresses: [woon(noordoostpolder, 250), inst(noordoostpolder, 36)],
    wishes: wish(
      [noordoostpolder],
      'studio',
      'Ik wil in Emmeloord blijven. Mijn werk bij de supermarkt is hier en mijn vriendinnen ook.',
    ),
    housing: { rooms: 1, maxRent: 500 },
    support: life(
      'Werkt 24 uur per week. Schuld bij DUO en een telefoonabonnement, samen ongeveer € 2.300.',
      'Klaar voor zelfstandig wonen.',
      'Ambulante begeleiding 2 uur per week, afbouwen na een half jaar.',
      'Werkt bij een supermarkt; wil een avondopleiding volgen.',
    ),
    sensitive: {
      diagnoses: 'Depressie in 2022, behandeld.',
      risks: 'Geen contact met haar vader; oude conflicten in de familie.',
    },
    timeline: intake(21, 4),
  },
  {
    manager: legerDesHeils,
    name: ['Fatma', 'Arslan'],
    age: 34,
    group: 'womensShelter',
    facility: vrouwenopvang,
    contact: viaCaseManagerOnly,
    household: withChildren(2, 'Moeder met twee kinderen van 6 en 9 jaar.'),
    addresses: [woon(almere, 150), inst(lelystad, 10)],
    wishes: wish(
      [noordoostpolder],
      'house',
      'Ik wil een rustige plek waar hij ons niet kan vinden. De kinderen moeten weer gewoon naar school kunnen.',
    ),
    housing: { rooms: 3, maxRent: 750 },
    support: life(
      'Bijstand; de alleenstaande-ouderkop is aangevraagd. Schulden op haar naam door de ex-partner, ongeveer € 9.000.',
      'Woont voor het eerst zelfstandig zonder partner.',
      'Ambulante begeleiding vanuit de vrouwenopvang, 4 uur per week; hulp voor de kinderen via het wijkteam.',
      'Taalcursus Nederlands op B1; wil werken in de kinderopvang.',
    ),
    sensitive: {
      diagnoses: 'PTSS na huiselijk geweld; traumabehandeling loopt.',
      risks: 'De ex-partner zoekt haar actief.',
      safety:
        'Huiselijk geweld, melding bij Veilig Thuis. Contactverbod voor de ex-partner. Het nieuwe adres nooit delen met familie.',
    },
    // A at a vrouwenopvang: the origin and the town of the ex-partner's family are excluded; the wish is the destination.
    exceptions: [
      {
        kind: 'A',
        motivation:
          'De ex-partner woont in Almere en heeft haar daar meerdere keren opgewacht; zijn familie woont in Lelystad. Veilig Thuis adviseert een andere gemeente.',
      },
    ],
    excluded: [almere, lelystad],
    timeline: ready(55, 30, 3),
  },
  {
    manager: kwintes,
    name: ['Samira', 'Benali'],
    age: 27,
    group: 'womensShelter',
    facility: vrouwenopvang,
    contact: viaCaseManagerOnly,
    household: withChildren(1, 'Moeder met een zoon van 4 jaar.'),
    addresses: [woon(lelystad, 120), inst(almere, 5)],
    wishes: wish(
      [],
      'apartment',
      'Het maakt mij niet uit waar, als het maar veilig is voor mij en mijn zoon.',
    ),
    housing: { rooms: 2, maxRent: 650 },
    support: life(
      'Bijstand aangevraagd; nog geen eigen bankrekening.',
      'Heeft nooit alleen gewoond.',
      'Begeleiding vanuit de vrouwenopvang; steun bij opvoeding.',
      'Wil haar mbo-opleiding Zorg en welzijn afmaken.',
    ),
    sensitive: {
      risks: 'Dreiging vanuit de familie.',
      safety:
        'Eergerelateerd geweld; politie en Veilig Thuis zijn betrokken. Adres geheim houden, ook voor familie.',
    },
    // A without a wish: the distribution chooses, without the origin.
    exceptions: [
      {
        kind: 'A',
        motivation:
          'Haar broers dreigen met geweld als zij in Lelystad blijft. Politie en Veilig Thuis zijn betrokken.',
      },
    ],
    excluded: [lelystad],
    timeline: intake(12, 2),
  },
  {
    manager: legerDesHeils,
    name: ['Ilse', 'Koopman'],
    age: 39,
    group: 'womensShelter',
    facility: vrouwenopvang,
    contact: viaCaseManagerOnly,
    household: withChildren(3, 'Moeder met drie kinderen van 8, 11 en 14 jaar.'),
    // A vrouwenopvang without exception A: the danger has left the origin, so the origin stands.
    addresses: [woon(dronten, 160), inst(lelystad, 8)],
    wishes: wish(
      [dronten],
      'house',
      'Ik wil terug naar Dronten. De kinderen gaan daar naar school en mijn ouders wonen om de hoek.',
    ),
    housing: { rooms: 4, maxRent: 800 },
    support: life(
      'Werkt 20 uur als doktersassistent; toeslagen opnieuw aanvragen op eigen naam.',
      'Heeft eerder zelfstandig gewoond.',
      'Nazorg vanuit de vrouwenopvang, 1 uur per week.',
      'Wil meer uren gaan werken.',
    ),
    sensitive: {
      safety: 'Contactverbod loopt nog. De ex-partner woont sinds vorig jaar in het buitenland.',
    },
    timeline: ready(35, 15, 3),
  },
  {
    manager: legerDesHeils,
    name: ['Ronald', 'Pinas'],
    age: 47,
    group: 'shelter',
    facility: opvangLelystad,
    addresses: [brief(almere, 70), inst(almere, 64), brief(lelystad, 40), inst(lelystad, 11)],
    // C: twenty years without a fixed address; the distribution chooses.
    untraceable: true,
    wishes: wish(
      [lelystad],
      'room',
      'Ik zwerf al twintig jaar. Ik wil nu een eigen plek, het maakt niet uit waar. Liefst Lelystad, daar ken ik de weg.',
    ),
    housing: { rooms: 1, maxRent: 500 },
    support: life(
      'Bij binnenkomst geen inkomen; uitkering aangevraagd. Schulden nog onbekend, de inventarisatie loopt.',
      'Heeft nooit lang zelfstandig gewoond; Housing First past mogelijk.',
      'Intensieve begeleiding, ook in de avond bereikbaar.',
      'Helpt mee in de keuken van de opvang.',
    ),
    sensitive: {
      diagnoses: 'Vermoeden van een licht verstandelijke beperking; onderzoek gepland.',
      addiction: 'Alcohol en cocaïne; sinds de opname minder, nog geen behandeling.',
      risks: 'Overlast bij terugval; eerder uit huis gezet.',
    },
    timeline: ready(110, 75, 10),
  },
  {
    // Stalled and incomplete: nobody has worked on it for 25 days.
    manager: legerDesHeils,
    name: ['Peter', 'Vlug'],
    age: 58,
    group: 'shelter',
    facility: opvangAlmere,
    addresses: [brief(almere, 26), inst(almere, 9)],
    untraceable: true,
    support: life('AOW over acht jaar; nu bijstand.', '', 'Huisarts; verder geen hulp.', ''),
    sensitive: { addiction: 'Alcohol, dagelijks.' },
    timeline: intake(40, 25),
  },
  {
    manager: kwintes,
    name: ['Tjitske', 'Dijkstra'],
    age: 36,
    group: 'protectedHousing',
    facility: deWissel,
    addresses: [brief(leeuwarden, 96), brief(lelystad, 50), inst(almere, 24)],
    // C: only correspondence addresses, in Friesland and Flevoland.
    untraceable: true,
    wishes: wish(
      [],
      'groundFloorHome',
      'Ik weet niet goed waar ik thuishoor. Ik wil een plek met een tuintje, voor mijn hond.',
    ),
    housing: { rooms: 2, groundFloorOrLift: true, pets: 'Een kleine hond', maxRent: 650 },
    support: life(
      'Wajong; een bewindvoerder beheert het geld.',
      'Leert in De Wissel haar huishouden te doen.',
      'Ambulante begeleiding 4 uur per week.',
      'Dagbesteding in een tuinderij, drie dagen.',
    ),
    sensitive: {
      diagnoses: 'Complexe PTSS en een licht verstandelijke beperking.',
      addiction: 'Speed tot 2022; sindsdien clean.',
      risks: 'Kan zich slecht afgrenzen tegenover oude kennissen.',
    },
    timeline: ready(30, 10, 9),
  },
  {
    manager: legerDesHeils,
    name: ['Dennis', 'Verhoef'],
    age: 31,
    group: 'shelter',
    facility: opvangAlmere,
    // Origin outside the region (Amsterdam): referred to the origin region unless A, B or D applies.
    addresses: [woon(amsterdam, 140, 'brp', 'Amsterdam-Noord'), brief(almere, 14), inst(almere, 8)],
    wishes: wish(
      [almere],
      'studio',
      'Ik wil in Almere blijven. In Amsterdam heb ik niemand meer, en hier heb ik werk gevonden.',
    ),
    housing: { rooms: 1, maxRent: 550 },
    support: life(
      'Werkt 32 uur bij een distributiecentrum; loonbeslag voor een oude schuld.',
      'Kan zelfstandig wonen.',
      'Lichte begeleiding, 1 uur per week.',
      'Heeft werk.',
    ),
    sensitive: { addiction: 'Gokken; in behandeling.' },
    timeline: ready(35, 15, 2),
  },
  {
    manager: kwintes,
    name: ['Bouke', 'Zijlstra'],
    age: 55,
    group: 'protectedHousing',
    facility: kwintesEmmeloord,
    addresses: [
      woon(leeuwarden, 400),
      woon(noordoostpolder, 260, 'brp', 'Marknesse'),
      inst(noordoostpolder, 40),
    ],
    wishes: wish(
      [noordoostpolder],
      'groundFloorHome',
      'Ik wil graag in een dorp wonen, in Marknesse of Luttelgeest. Niet in de stad, daar word ik onrustig.',
      'Marknesse, Luttelgeest',
    ),
    housing: { rooms: 2, groundFloorOrLift: true, maxRent: 600 },
    support: life(
      'Wajong; een bewindvoerder beheert het geld.',
      'Huishoudelijke hulp 2 uur per week via de Wmo.',
      'Begeleiding 3 uur per week.',
      'Dagbesteding op een zorgboerderij.',
    ),
    sensitive: {
      diagnoses: 'Schizoaffectieve stoornis; diabetes type 2.',
      risks: 'Verwaarloost de diabetes zonder toezicht.',
    },
    timeline: ready(120, 95, 4),
  },
  {
    manager: kwintes,
    name: ['Rachid', 'El Idrissi'],
    age: 44,
    group: 'protectedHousing',
    facility: deWissel,
    addresses: [woon(almere, 300, 'brp', 'Almere Haven'), inst(almere, 22)],
    wishes: wish(
      [zeewolde],
      'apartment',
      'Ik wil opnieuw beginnen in Zeewolde. Daar ken ik niemand van vroeger, en de kwekerij waar ik werk is dichtbij.',
    ),
    housing: { rooms: 2, maxRent: 650 },
    support: life(
      'Schuldregeling loopt nog 14 maanden.',
      'Kan zelfstandig wonen.',
      'Nazorg verslavingszorg eens per twee weken; ambulante begeleiding 3 uur per week.',
      'Werkt 20 uur per week bij een kwekerij.',
    ),
    sensitive: {
      diagnoses: 'ADHD; antisociale persoonlijkheidstrekken.',
      addiction: 'Heroïne en cocaïne tot 2022; methadon afgebouwd, twee jaar clean.',
      risks: 'Terugval bij contact met oude vrienden.',
    },
    // A: an unsafe network at the origin; the wish (Zeewolde) becomes the destination.
    exceptions: [
      {
        kind: 'A',
        motivation:
          'In Almere Haven is zijn oude gebruikersnetwerk nog actief; zijn twee eerdere terugvallen begonnen daar. De behandelaar adviseert een andere gemeente.',
      },
    ],
    timeline: ready(70, 40, 6),
  },
  {
    // An intake in progress: wishes and the sensitive section still to do.
    manager: legerDesHeils,
    name: ['Kemal', 'Öztürk'],
    age: 49,
    group: 'shelter',
    facility: opvangLelystad,
    addresses: [woon(lelystad, 180), woon(lelystad, 60, 'resident'), inst(lelystad, 4)],
    housing: { rooms: 1, maxRent: 550 },
    support: life(
      'Faillissement van zijn eigen bedrijf; schulden nog in kaart brengen.',
      'Na de scheiding uit huis gegaan.',
      '',
      'Wil weer werken als stukadoor.',
    ),
    timeline: intake(8, 3),
  },
  {
    // Just started: the admission date and the BRP extract are still being requested, so no proposal yet.
    manager: kwintes,
    name: ['Lisa', 'van Dam'],
    age: 24,
    group: 'protectedHousing',
    facility: kwintesLelystad,
    admissionKnown: false,
    wishes: {
      ownWords: 'Ik wil eerst rust. Daarna wil ik een eigen plekje, het liefst met een balkon.',
    },
    timeline: intake(3, 1),
  },
  {
    manager: legerDesHeils,
    name: ['Bianca', 'Hoogendoorn'],
    age: 37,
    group: 'shelter',
    facility: opvangAlmere,
    household: withChildren(1, 'Moeder met een dochter van 8 jaar.'),
    addresses: [woon(almere, 110), woon(almere, 40, 'brp', 'Filmwijk'), inst(almere, 7)],
    wishes: wish(
      [almere],
      'apartment',
      'Ik wil in de buurt van de school van mijn dochter blijven, in Almere Stad.',
      'Almere Stad',
    ),
    housing: { rooms: 3, maxRent: 700 },
    support: life(
      'Uitgezet na een huurachterstand van € 4.800; schuldhulp is gestart.',
      'Vaste lasten automatisch laten betalen.',
      'Ambulante begeleiding 2 uur per week.',
      'Werkt 16 uur in de thuiszorg.',
    ),
    sensitive: { diagnoses: 'Angststoornis; behandeling bij de huisarts en POH-ggz.' },
    timeline: ready(20, 5, 1),
  },
  {
    manager: kwintes,
    name: ['Ruud', 'Schaap'],
    age: 62,
    group: 'protectedHousing',
    facility: kwintesDronten,
    addresses: [woon(dronten, 350), inst(dronten, 48)],
    wishes: wish(
      [dronten],
      'groundFloorHome',
      'Ik woon al mijn hele leven in Dronten. Ik wil een benedenwoning, want trappen gaan niet meer.',
    ),
    housing: {
      rooms: 2,
      groundFloorOrLift: true,
      accessibility: 'Loopt met een rollator; drempelvrij.',
      maxRent: 650,
    },
    support: life(
      'Uitkering; geen schulden.',
      'Huishoudelijke hulp nodig.',
      'Begeleiding 4 uur per week; wijkverpleging voor medicatie.',
      'Dagbesteding twee dagen per week.',
    ),
    sensitive: {
      diagnoses: 'Chronische depressie; beginnende geheugenproblemen.',
      risks: 'Mogelijk past een Wlz-indicatie beter dan zelfstandig wonen; onderzoek loopt.',
    },
    // Stalled: waiting for the Wlz assessment, no activity for 18 days.
    timeline: ready(140, 110, 18),
  },
  {
    manager: legerDesHeils,
    name: ['Xiomara', 'Cijntje'],
    age: 26,
    group: 'shelter',
    facility: opvangAlmere,
    addresses: [woon(almere, 100), inst(almere, 6)],
    wishes: wish([almere], 'studio', 'Ik wil een eigen studio in Almere.'),
    timeline: closed(
      40,
      null,
      12,
      'withdrawn',
      'De bewoner is op eigen wens bij haar tante in Rotterdam gaan wonen en trekt de aanmelding in.',
    ),
  },
  {
    manager: kwintes,
    name: ['Joost', 'Kramer'],
    age: 46,
    group: 'protectedHousing',
    facility: kwintesLelystad,
    addresses: [woon(lelystad, 200), inst(lelystad, 30)],
    wishes: wish([lelystad], 'apartment', 'Ik wil terug naar mijn oude buurt in Lelystad.'),
    housing: { rooms: 2, maxRent: 600 },
    support: life(
      'Bijstand; schulden bij meerdere schuldeisers.',
      'Heeft hulp nodig bij het huishouden.',
      'Ambulante begeleiding 4 uur per week.',
      'Geen daginvulling.',
    ),
    sensitive: {
      diagnoses: 'Psychotische stoornis.',
      addiction: 'Cocaïne.',
      risks: 'Vertrekt bij terugval zonder iets te zeggen.',
    },
    timeline: closed(
      130,
      80,
      20,
      'droppedOut',
      'De bewoner heeft de voorziening drie weken geleden verlaten en is sindsdien niet meer bereikbaar. Het FACT-team is op de hoogte.',
    ),
  },
  {
    manager: legerDesHeils,
    name: ['Hatice', 'Çelik'],
    age: 53,
    group: 'shelter',
    facility: opvangLelystad,
    addresses: [woon(zeewolde, 230), inst(lelystad, 9)],
    wishes: wish(
      [zeewolde],
      'apartment',
      'Ik wil terug naar Zeewolde. Mijn dochter en mijn kleinkinderen wonen daar.',
    ),
    housing: { rooms: 2, groundFloorOrLift: true, maxRent: 600 },
    support: life(
      'Bijstand; een schuld bij de Belastingdienst.',
      'Heeft jaren zelfstandig gewoond.',
      'Begeleiding 2 uur per week.',
      'Past op haar kleinkinderen.',
    ),
    sensitive: { diagnoses: 'Depressie; reuma.' },
    timeline: intake(14, 4),
  },
  {
    manager: kwintes,
    name: ['Marcel', 'Koffeman'],
    age: 35,
    group: 'protectedHousing',
    facility: kwintesEmmeloord,
    addresses: [woon(urk, 300), inst(noordoostpolder, 26)],
    wishes: wish(
      [urk],
      'apartment',
      'Ik wil terug naar Urk, bij de haven. Mijn familie woont daar en ik kan weer bij de visafslag werken.',
    ),
    housing: { rooms: 2, maxRent: 650 },
    support: life(
      'Uitkering; een schuld bij de zorgverzekeraar.',
      'Kan zelfstandig wonen.',
      'Begeleiding 2 uur per week.',
      'Werk bij de visafslag is toegezegd.',
    ),
    sensitive: {
      diagnoses: 'Bipolaire stoornis, stabiel met lithium.',
      risks: 'Manische periode bij slaaptekort.',
    },
    timeline: intake(18, 2),
  },
  {
    // An intake in progress: the housing needs still to do.
    manager: kwintes,
    name: ['Jayden', 'Wijngaarde'],
    age: 21,
    group: 'youthCare',
    facility: timonAlmere,
    addresses: [woon(lelystad, 250), woon(almere, 150), inst(almere, 44)],
    wishes: wish(
      [almere],
      'studio',
      'Ik wil in Almere blijven, bij mijn voetbalclub en mijn vrienden.',
    ),
    support: life(
      'Studiefinanciering; een schuld bij een webwinkel.',
      'Kan goed koken; schoonmaken schiet erbij in.',
      'Jongerencoach 2 uur per week.',
      'Mbo-opleiding Sport en bewegen.',
    ),
    sensitive: { diagnoses: 'ADHD.' },
    timeline: intake(20, 5),
  },

  // ===== Midden-IJssel: Tactus (Karin Veldman) =====
  {
    manager: tactus,
    name: ['Henk', 'Wolterink'],
    age: 50,
    group: 'protectedHousing',
    facility: 'RIBW Groep Overijssel, Beschermd wonen Deventer',
    addresses: [woon(deventer, 250), inst(deventer, 30)],
    wishes: wish(
      [deventer],
      'apartment',
      'Ik wil in Deventer blijven, dicht bij de IJssel. Daar loop ik elke dag.',
    ),
    housing: { rooms: 2, maxRent: 650 },
    support: life(
      'Wajong; een bewindvoerder beheert het geld.',
      'Kan zelfstandig wonen.',
      'Ambulante begeleiding 3 uur per week.',
      'Vrijwilligerswerk bij de voedselbank.',
    ),
    sensitive: { diagnoses: 'Schizofrenie, stabiel.', addiction: 'Alcohol; vijf jaar droog.' },
    timeline: ready(60, 35, 5),
  },
  {
    manager: tactus,
    name: ['Dilan', 'Aydın'],
    age: 30,
    group: 'shelter',
    facility: 'Maatschappelijke opvang Zutphen',
    addresses: [woon(zutphen, 150), inst(zutphen, 7)],
    wishes: wish(
      [zutphen],
      'apartment',
      'Ik wil in Zutphen blijven. Mijn moeder woont daar en zij helpt mij.',
    ),
    housing: { rooms: 2, maxRent: 600 },
    support: life(
      'Bijstand; schulden bij de woningcorporatie.',
      'Vaste lasten automatisch laten betalen.',
      'Ambulante begeleiding 2 uur per week.',
      'Wil een opleiding in de zorg.',
    ),
    timeline: intake(10, 2),
  },
  {
    manager: tactus,
    name: ['Tim', 'Nijenhuis'],
    age: 21,
    group: 'youthCare',
    facility: 'Tactus, Kamertraining jongeren Deventer',
    addresses: [woon(raalte, 240), inst(deventer, 36)],
    wishes: wish(
      [raalte, deventer],
      'room',
      'Het liefst terug naar Raalte, maar een kamer in Deventer is ook goed.',
    ),
    housing: { rooms: 1, maxRent: 450 },
    support: life(
      'Studiefinanciering; schuld bij DUO.',
      'Oefent in de kamertraining.',
      'Jongerencoach 1 uur per week.',
      'Mbo-opleiding ICT.',
    ),
    sensitive: { addiction: 'Cannabis, dagelijks; in behandeling bij Tactus.' },
    timeline: intake(30, 16),
  },
  {
    manager: tactus,
    name: ['Gerben', 'Kamphuis'],
    age: 43,
    group: 'shelter',
    facility: 'Leger des Heils, Opvang Deventer',
    // Origin outside the region (Zwolle): referred to the origin region unless A, B or D applies.
    addresses: [woon(zwolle, 160), brief(deventer, 20), inst(deventer, 12)],
    wishes: wish(
      [deventer],
      'studio',
      'In Zwolle wil ik niet meer wonen. Ik ben hier in Deventer aan het opbouwen.',
    ),
    housing: { rooms: 1, maxRent: 550 },
    support: life(
      'Bijstand; schuldhulp loopt.',
      'Heeft hulp nodig bij de administratie.',
      'Begeleiding 2 uur per week.',
      'Werkt als vrijwilliger bij een fietsenmaker.',
    ),
    sensitive: { addiction: 'Alcohol; in behandeling.' },
    timeline: ready(45, 30, 6),
  },
  {
    manager: tactus,
    name: ['Melissa', 'Landveld'],
    age: 32,
    group: 'protectedHousing',
    facility: 'Tactus, Beschermd wonen Zutphen',
    addresses: [woon(lochem, 120), inst(zutphen, 18)],
    wishes: wish([lochem], 'apartment', 'Ik wil terug naar Lochem.'),
    housing: { rooms: 2, maxRent: 650 },
    support: life(
      'Werkt parttime.',
      'Kan zelfstandig wonen.',
      'Lichte begeleiding.',
      'Werkt in een bakkerij.',
    ),
    sensitive: { addiction: 'Alcohol; twee jaar droog.' },
    timeline: closed(
      90,
      50,
      8,
      'withdrawn',
      'De bewoner gaat samenwonen met haar partner in Apeldoorn en heeft geen woning via de tafel meer nodig.',
    ),
  },
];

// ---- from relative to real dates ----
const dayMs = 86_400_000;
const isoDay = (date: Date) => amsterdamDate(date);

/** A calendar date `months` before the reference; the day of the month varies with the step. */
function monthsBefore(reference: Date, months: number): string {
  return addDays(startOfMonth(addMonths(amsterdamDate(reference), -months)), (months * 7) % 28);
}

/** A birth date that makes the resident `age` on the reference date, for the next month at least. */
function birthDateFor(reference: Date, age: number, index: number): string {
  const daysPastBirthday = 30 + ((index * 53) % 300);
  return addDays(addMonths(amsterdamDate(reference), -12 * age), -daysPastBirthday);
}

function toAddresses(reference: Date, steps: AddressStep[]): CaseAddress[] {
  return steps.map((step, i) => {
    const next = steps[i + 1];
    if (next && next.monthsAgo >= step.monthsAgo)
      throw new Error(
        `demo address steps must go forward in time (${step.municipality}, ${step.monthsAgo})`,
      );
    return {
      municipality: step.municipality,
      kind: step.kind,
      from: monthsBefore(reference, step.monthsAgo),
      ...(next ? { to: monthsBefore(reference, next.monthsAgo) } : {}),
      source: step.source,
      ...(step.street ? { street: step.street } : {}),
    };
  });
}

/** The admission of the current trajectory: the start of the last unbroken run of facility stays. */
function admissionMonthsAgo(steps: AddressStep[]): number | undefined {
  let start: number | undefined;
  for (const step of steps)
    start = step.kind === 'instelling' ? (start ?? step.monthsAgo) : undefined;
  return start;
}

function toSections(reference: Date, spec: DemoCase, index: number): CaseDraft {
  const [firstName, lastName] = spec.name;
  const steps = spec.addresses ?? [];
  const admitted = spec.admissionKnown === false ? undefined : admissionMonthsAgo(steps);
  const draft: CaseDraft = {
    identity: { firstName, lastName, birthDate: birthDateFor(reference, spec.age, index) },
    contact: spec.contact ?? viaLocation,
    household: spec.household ?? single(),
    stay: {
      targetGroup: spec.group,
      facility: spec.facility,
      ...(admitted !== undefined ? { admissionDate: monthsBefore(reference, admitted) } : {}),
    },
    ...(spec.addresses ? { addresses: toAddresses(reference, steps) } : {}),
    isOriginUntraceable: spec.untraceable ?? false,
    ...(spec.wishes ? { wishes: spec.wishes } : {}),
    ...(spec.housing ? { housingNeeds: spec.housing } : {}),
    ...(spec.support
      ? {
          supportNeeds: Object.fromEntries(Object.entries(spec.support).filter(([, text]) => text)),
        }
      : {}),
    ...(spec.sensitive ? { sensitive: spec.sensitive } : {}),
    exceptions: spec.exceptions ?? [],
    excluded: spec.excluded ?? [],
  };
  // The demo data passes the same schema as the API's writes.
  return caseSectionsSchema.partial().parse(draft);
}

interface CaseManager {
  userId: string;
  organisationId: string;
  regionId: string;
}

async function findCaseManagers(tx: EntityManager): Promise<Map<string, CaseManager>> {
  const emails = [...new Set(demoCases.map((c) => c.manager))];
  const rows: (CaseManager & { email: string })[] = await tx.query(
    `SELECT u.email, u.id AS "userId", u.organisation_id AS "organisationId", o.region_id AS "regionId"
       FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE u.email = ANY($1) AND u.seat = 'casemanager'`,
    [emails],
  );
  const managers = new Map(rows.map(({ email, ...manager }) => [email, manager]));
  for (const email of emails)
    if (!managers.has(email)) throw new Error(`demo case manager ${email} does not exist`);
  return managers;
}

/**
 * Creates the demo cases in the seed's transaction, after the regions, organisations and users
 * exist. Each case goes in as a case manager's intake would (the engine's proposal computed on the
 * way), then its clocks are set back to tell its story. Returns the number of cases.
 */
export async function seedDemoCases(tx: EntityManager): Promise<number> {
  const reference = new Date();
  const today = isoDay(reference);
  const managers = await findCaseManagers(tx);
  const ruleSets = new Map<string, Awaited<ReturnType<typeof getCurrentRuleSet>>>();

  for (const [index, spec] of demoCases.entries()) {
    const manager = managers.get(spec.manager)!;
    if (!ruleSets.has(manager.regionId))
      ruleSets.set(manager.regionId, await getCurrentRuleSet(tx, manager.regionId));
    const ruleSet = ruleSets.get(manager.regionId);
    if (!ruleSet) throw new Error(`the region of ${spec.manager} has no rule set`);

    const sections = toSections(reference, spec, index);
    const timeline = spec.timeline;
    const readyDaysAgo = timeline.state === 'intake' ? null : timeline.readyDaysAgo;
    if (readyDaysAgo !== null) {
      const missing = missingForReady(sections, {
        youthAgeBand: ruleSet.config.youthAgeBand,
        today,
      });
      if (missing.length)
        throw new Error(
          `demo case ${spec.name.join(' ')} is marked ready but misses ${missing.map((m) => m.path).join(', ')}`,
        );
    }
    const lastActivityDaysAgo =
      timeline.state === 'closed' ? timeline.closedDaysAgo : timeline.lastActivityDaysAgo;
    if (
      timeline.createdDaysAgo < (readyDaysAgo ?? 0) ||
      (readyDaysAgo ?? Infinity) < lastActivityDaysAgo ||
      timeline.createdDaysAgo < lastActivityDaysAgo
    ) {
      throw new Error(`demo case ${spec.name.join(' ')} has its clocks out of order`);
    }

    // A moment on each of those days, the same time of day per case: created ≤ ready ≤ last activity.
    const minutesEarlier = 5 + ((index * 47) % 300);
    const at = (daysAgo: number) =>
      new Date(reference.getTime() - daysAgo * dayMs - minutesEarlier * 60_000);
    const actor: Actor = {
      userId: manager.userId,
      organisationId: manager.organisationId,
      regionId: manager.regionId,
      seat: 'casemanager',
      municipalityCode: null,
    };

    const id = await insertCase(
      tx,
      actor,
      await prepareCaseWrite(tx, manager.regionId, sections, ruleSet),
    );
    await recordCaseEvent(tx, id, actor.userId, 'created', {});
    const events: { to: string; at: Date }[] = [];
    if (readyDaysAgo !== null) {
      // Ready means the resident was asked what to share: name and support needs with the regional
      // coordination (the chair's table), except residents from the women's shelter, who declined.
      const isShelter = spec.group === 'womensShelter';
      await tx.query(
        `INSERT INTO case_consent (case_id, organisation_id, categories, given_on, method, witness_name, recorded_by, recorded_at)
         SELECT $1, o.id, $2, $3::date, 'verbalWithWitness', 'Collega casemanager', $4, $5 FROM organisation o
          WHERE o.region_id = $6 AND o.kind = 'coordination' LIMIT 1`,
        [
          id,
          isShelter ? [] : ['identityContact', 'supportNeeds'],
          isoDay(at(readyDaysAgo + 1)),
          actor.userId,
          at(readyDaysAgo + 1),
          manager.regionId,
        ],
      );
      await recordCaseEvent(tx, id, actor.userId, 'transition', {
        transition: 'markReady',
        from: 'intake',
        to: 'ready',
      });
      events.push({ to: 'ready', at: at(readyDaysAgo) });
    }
    if (timeline.state === 'closed') {
      await recordCaseEvent(tx, id, actor.userId, 'transition', {
        transition: 'withdraw',
        from: readyDaysAgo === null ? 'intake' : 'ready',
        to: 'closed',
        reason: timeline.reason,
        outcome: timeline.outcome,
      });
      events.push({ to: 'closed', at: at(timeline.closedDaysAgo) });
    }

    // One save of the intake after its creation, then one version per transition.
    await tx.query(
      `UPDATE case_file SET state = $2, ready_at = $3, outcome = $4, closed_at = $5, version = $6,
         created_at = $7, updated_at = $8, last_activity_at = $8 WHERE id = $1`,
      [
        id,
        timeline.state,
        readyDaysAgo === null ? null : at(readyDaysAgo),
        timeline.state === 'closed' ? timeline.outcome : null,
        timeline.state === 'closed' ? at(timeline.closedDaysAgo) : null,
        2 + events.length,
        at(timeline.createdDaysAgo),
        at(lastActivityDaysAgo),
      ],
    );
    await tx.query(`UPDATE case_event SET at = $2 WHERE case_id = $1 AND kind = 'created'`, [
      id,
      at(timeline.createdDaysAgo),
    ]);
    for (const event of events) {
      await tx.query(
        `UPDATE case_event SET at = $3 WHERE case_id = $1 AND kind = 'transition' AND details->>'to' = $2`,
        [id, event.to, event.at],
      );
    }
  }
  return demoCases.length;
}
