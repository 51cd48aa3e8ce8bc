import { daysBetween, toDutchDate } from '../calendar/calendar';
import type { ErrorIssue } from '../errors';
import type { ProposalInput } from '../origin-rule/origin-rule.schemas';
import {
  engineBindingTest,
  type BindingTestSetting,
  type RuleSetConfig,
} from '../regions/rule-set.schemas';
import type { CaseSections } from './case.schemas';

/** The sections of a case as stored: during intake any of them may still be missing. */
export type CaseDraft = Partial<CaseSections>;

/**
 * The engine's input for a case file (rule-engine-contract.md). Only woonadres, instelling and
 * briefadres with a municipality and a start date reach the engine; the engine decides which count.
 * Returns null while the file lacks what any proposal needs (the admission date).
 */
export function toProposalInput(
  draft: CaseDraft,
  ruleSet: Pick<RuleSetConfig, 'municipalities'> & {
    /** The region's minimum-binding setting; absent, null or switched off: no test. */
    readonly bindingTest?: BindingTestSetting | null;
  },
  placements: Record<string, number>,
  referenceDate: string,
): ProposalInput | null {
  const admissionDate = draft.stay?.admissionDate;
  if (!admissionDate) return null;
  const wish = draft.wishes?.municipalities?.[0];
  const bindingTest = engineBindingTest(ruleSet.bindingTest);
  return {
    referenceDate,
    region: {
      municipalities: ruleSet.municipalities.map(({ code, name, population }) => ({
        code,
        name,
        population,
      })),
      ...(bindingTest ? { bindingTest } : {}),
    },
    resident: {
      admissionDate,
      // An untraceable origin is entered as such: no address then counts, so the engine gives C.
      addresses: draft.isOriginUntraceable
        ? []
        : (draft.addresses ?? []).map(({ municipality, kind, from, to }) => ({
            municipality,
            kind,
            from,
            ...(to ? { to } : {}),
          })),
      ...(wish ? { wish } : {}),
      ...(draft.excluded?.length ? { excluded: [...new Set(draft.excluded)] } : {}),
    },
    ...(draft.exceptions?.length ? { exceptions: draft.exceptions } : {}),
    distribution: { placements },
  };
}

/**
 * What the file still lacks before the case manager can mark it "uitstroomgereed" (domain.md §4:
 * origin evidence or untraceable, wishes, and the basics the table reads). Dutch, with the field path.
 */
export function missingForReady(
  draft: CaseDraft,
  options: { youthAgeBand?: { from: number; until: number }; today?: string } = {},
): ErrorIssue[] {
  const missing: ErrorIssue[] = [];
  const need = (isPresent: unknown, path: string, message: string) => {
    if (!isPresent) missing.push({ path, message });
  };
  need(draft.identity?.birthDate, 'identity.birthDate', 'De geboortedatum ontbreekt.');
  need(draft.stay?.admissionDate, 'stay.admissionDate', 'De opnamedatum ontbreekt.');
  need(
    draft.stay?.facility,
    'stay.facility',
    'De voorziening waar de bewoner nu verblijft ontbreekt.',
  );
  const admission = draft.stay?.admissionDate;
  const hasOriginEvidence =
    !!admission &&
    (draft.addresses ?? []).some((a) => a.kind === 'woonadres' && a.from < admission);
  need(
    hasOriginEvidence || draft.isOriginUntraceable,
    'addresses',
    'Leg een woonadres van vóór de opname vast, of geef aan dat de herkomst niet te achterhalen is.',
  );
  const wishes = draft.wishes;
  need(
    wishes && (wishes.ownWords || wishes.municipalities?.length || wishes.dwellingType),
    'wishes',
    'Leg de wensen van de bewoner vast (ook “geen voorkeur” is een wens).',
  );
  need(
    draft.household?.adults,
    'household.adults',
    'De samenstelling van het huishouden ontbreekt.',
  );
  if (
    draft.stay?.targetGroup === 'youthCare' &&
    options.youthAgeBand &&
    draft.identity?.birthDate &&
    options.today
  ) {
    const age = ageOn(draft.identity.birthDate, options.today);
    if (age < options.youthAgeBand.from || age >= options.youthAgeBand.until) {
      missing.push({
        path: 'identity.birthDate',
        message: `Jongeren uit verlengde jeugdzorg zijn ${options.youthAgeBand.from} tot ${options.youthAgeBand.until} jaar; deze bewoner is ${age}.`,
      });
    }
  }
  return missing;
}

/** Age in whole years on a date ('YYYY-MM-DD' strings, no clock). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * A case nobody touched for the region's threshold of Dutch calendar days is stalled; closed cases
 * never are. `lastActivityAt` is a moment (or a Dutch date), `today` the Dutch date.
 */
export function isStalled(
  lastActivityAt: string,
  today: string,
  thresholdDays: number,
  isClosed: boolean,
): boolean {
  return !isClosed && daysBetween(toDutchDate(lastActivityAt), today) >= thresholdDays;
}
