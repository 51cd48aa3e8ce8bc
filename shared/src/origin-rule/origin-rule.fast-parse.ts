import { z } from 'zod';
import * as schemas from './origin-rule.schemas';
import type { ProposalInput } from './origin-rule.schemas';
import { hasExistingYear, isStorableText } from '../primitives';

// Local bindings: a CommonJS import is a getter on every use, which shows in the profile.
const {
  addressKinds,
  findCrossFieldIssues,
  findMotivationProblem,
  maximumBindingYears,
  municipalityCodePattern,
  proposalInputSchema,
  supportGrounds,
} = schemas;

/**
 * A precompiled twin of `proposalInputSchema` for the hot path. Issue 5 asks 50,000 proposals
 * per second, validation included: on the bench's cases zod's general machinery took about 25 µs
 * a case (some 26,000 proposals per second in all), this check about 8 µs and the rule about 6 µs.
 *
 * The schema stays the single source of truth. This check only answers "certainly valid, as is":
 * true means the schema accepts the value and its parsed output equals the value. Anything
 * unusual (an odd prototype, an optional field set to undefined, any doubt) answers false, and
 * the caller lets zod decide and word the errors. A differential property test holds the two
 * together (`origin-rule.properties.test.ts`).
 */
export function isCertainlyValidProposalInput(raw: unknown): raw is ProposalInput {
  if (!isPlainObject(raw) || !hasOnlyKeys(raw, inputKeys)) return false;
  if (!isIsoDate(raw['referenceDate'])) return false;
  if (!isRegion(raw['region']) || !isResident(raw['resident'])) return false;
  if ('exceptions' in raw && !isExceptionList(raw['exceptions'])) return false;
  if ('distribution' in raw && !isDistribution(raw['distribution'])) return false;
  return !findCrossFieldIssues(raw);
}

/**
 * `proposalInputSchema.safeParse`, fast for the inputs that are certainly valid. For those the
 * data is the input object itself (not a copy): do not mutate it.
 */
export function parseProposalInput(raw: unknown): z.ZodSafeParseResult<ProposalInput> {
  if (isCertainlyValidProposalInput(raw)) return { success: true, data: raw };
  return proposalInputSchema.safeParse(raw);
}

const inputKeys = new Set(['referenceDate', 'region', 'resident', 'exceptions', 'distribution']);
const regionKeys = new Set(['municipalities', 'bindingTest']);
const bindingTestKeys = new Set(['minYears', 'withinYears']);
const municipalityKeys = new Set(['code', 'name', 'population']);
const residentKeys = new Set(['admissionDate', 'addresses', 'wish', 'excluded']);
const addressKeys = new Set(['municipality', 'kind', 'from', 'to']);
const distributionKeys = new Set(['placements']);
const exceptionAKeys = new Set(['kind', 'motivation']);
const exceptionBKeys = new Set([
  'kind',
  'municipality',
  'ground',
  'canTravelFromOrigin',
  'motivation',
]);
const exceptionDKeys = new Set(['kind', 'municipality', 'motivation']);
const addressKindSet = new Set<unknown>(addressKinds);
const groundSet = new Set<unknown>(supportGrounds);
// The very pattern `z.iso.date()` uses, so that both reject 2023-02-30 alike; the year 0 is
// refused by the date primitive's own check.
const isoDatePattern = z.regexes.date;
const nonBlankPattern = /\S/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Strict objects: every key known. (`for…in`, as zod's strict check walks the keys.) */
function hasOnlyKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!keys.has(key)) return false;
    // An optional field present as undefined is valid for zod, but leave such inputs to it.
    if (value[key] === undefined) return false;
  }
  return true;
}

function isCode(value: unknown): boolean {
  return typeof value === 'string' && municipalityCodePattern.test(value);
}

function isIsoDate(value: unknown): boolean {
  return typeof value === 'string' && isoDatePattern.test(value) && hasExistingYear(value);
}

function isRegion(value: unknown): boolean {
  if (!isPlainObject(value) || !hasOnlyKeys(value, regionKeys)) return false;
  const municipalities = value['municipalities'];
  if (!Array.isArray(municipalities)) return false;
  for (let i = 0; i < municipalities.length; i += 1) {
    const municipality: unknown = municipalities[i];
    if (!isPlainObject(municipality) || !hasOnlyKeys(municipality, municipalityKeys)) return false;
    const name = municipality['name'];
    const population = municipality['population'];
    if (!isCode(municipality['code'])) return false;
    if (typeof name !== 'string' || !nonBlankPattern.test(name) || !isStorableText(name))
      return false;
    if (typeof population !== 'number' || !Number.isSafeInteger(population) || population <= 0)
      return false;
  }
  return !('bindingTest' in value) || isBindingTest(value['bindingTest']);
}

function isBindingTest(value: unknown): boolean {
  if (!isPlainObject(value) || !hasOnlyKeys(value, bindingTestKeys)) return false;
  const { minYears, withinYears } = value;
  return (
    typeof minYears === 'number' &&
    typeof withinYears === 'number' &&
    Number.isSafeInteger(minYears) &&
    Number.isSafeInteger(withinYears) &&
    minYears >= 1 &&
    minYears <= withinYears &&
    withinYears <= maximumBindingYears
  );
}

function isResident(value: unknown): boolean {
  if (!isPlainObject(value) || !hasOnlyKeys(value, residentKeys)) return false;
  if (!isIsoDate(value['admissionDate'])) return false;
  const addresses = value['addresses'];
  if (!Array.isArray(addresses)) return false;
  for (let i = 0; i < addresses.length; i += 1) {
    const address: unknown = addresses[i];
    if (!isPlainObject(address) || !hasOnlyKeys(address, addressKeys)) return false;
    if (
      !isCode(address['municipality']) ||
      !addressKindSet.has(address['kind']) ||
      !isIsoDate(address['from'])
    )
      return false;
    if ('to' in address && !isIsoDate(address['to'])) return false;
  }
  if ('wish' in value && !isCode(value['wish'])) return false;
  if ('excluded' in value) {
    const excluded = value['excluded'];
    if (!Array.isArray(excluded)) return false;
    for (let i = 0; i < excluded.length; i += 1) if (!isCode(excluded[i])) return false;
  }
  return true;
}

function isExceptionList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i += 1) {
    const exception: unknown = value[i];
    if (!isPlainObject(exception)) return false;
    const motivation = exception['motivation'];
    if (
      typeof motivation !== 'string' ||
      findMotivationProblem(motivation) !== null ||
      !isStorableText(motivation)
    )
      return false;
    switch (exception['kind']) {
      case 'A':
        if (!hasOnlyKeys(exception, exceptionAKeys)) return false;
        break;
      case 'B':
        if (!hasOnlyKeys(exception, exceptionBKeys) || !isCode(exception['municipality']))
          return false;
        if (
          !groundSet.has(exception['ground']) ||
          typeof exception['canTravelFromOrigin'] !== 'boolean'
        )
          return false;
        break;
      case 'D':
        if (!hasOnlyKeys(exception, exceptionDKeys) || !isCode(exception['municipality']))
          return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function isDistribution(value: unknown): boolean {
  if (!isPlainObject(value) || !hasOnlyKeys(value, distributionKeys)) return false;
  const placements = value['placements'];
  if (!isPlainObject(placements)) return false;
  // All own keys, symbols and non-enumerable ones included: anything but plain codes goes to zod.
  for (const key of Reflect.ownKeys(placements)) {
    if (typeof key !== 'string' || !municipalityCodePattern.test(key)) return false;
    if (!Object.prototype.propertyIsEnumerable.call(placements, key)) return false;
    const count = placements[key];
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return false;
  }
  return true;
}
