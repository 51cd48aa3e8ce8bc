import { transitionNames } from './case-transitions.rules';
import {
  checkCorrection,
  correctionRules,
  stepToCorrect,
  type LoggedStep,
} from './case-corrections.rules';

const cm = 'u-casemanager';
const chair = 'u-chair';
const step = (over: Partial<LoggedStep>): LoggedStep => ({
  kind: 'transition',
  transition: 'markReady',
  from: 'intake',
  to: 'ready',
  actorUserId: cm,
  on: '2026-03-10',
  ...over,
});
const decided = [
  step({ transition: 'startSearch', from: 'decided', to: 'searching', actorUserId: chair }),
  step({ transition: 'decide', from: 'scheduled', to: 'decided', actorUserId: chair }),
  step({ transition: 'schedule', from: 'ready', to: 'scheduled' }),
];

describe('stepToCorrect: the newest step, an automatic one with the step it followed', () => {
  it.each([
    ['nothing logged', [], null],
    ['ready', [step({})], 'markReady'],
    ['the search counts with the decision', decided, 'decide'],
    [
      'the referral out of the region counts with the decision',
      [
        step({ transition: 'referToOriginRegion', from: 'decided', to: 'closed' }),
        step({ transition: 'decide', from: 'scheduled', to: 'decided' }),
      ],
      'decide',
    ],
    ['a correction is not corrected', [step({ kind: 'correction' }), step({})], null],
  ] as const)('%s', (_name, log, expected) => {
    expect(stepToCorrect(log)?.step.transition ?? null).toBe(expected);
  });
});

describe('checkCorrection (domain.md §4, herstel)', () => {
  const base = {
    log: [step({})],
    state: 'ready' as const,
    actor: { userId: cm, seat: 'casemanager' as const },
    today: '2026-03-10',
    hasReason: false,
  };
  it.each([
    ['the one who took it, the same day, without a reason', {}, { ok: true, to: 'intake' }],
    ['the one who took it, a day later', { today: '2026-03-11' }, { ok: false, code: 'FORBIDDEN' }],
    [
      'a colleague, the same day',
      { actor: { userId: 'u-other', seat: 'casemanager' } },
      { ok: false, code: 'FORBIDDEN' },
    ],
    [
      'the chair, a day later, without a reason',
      { today: '2026-03-11', actor: { userId: chair, seat: 'chair' } },
      { ok: false, code: 'CASE_REQUIREMENT_UNMET', message: 'Geef een reden voor het herstel.' },
    ],
    [
      'the chair, a day later, with a reason',
      { today: '2026-03-11', actor: { userId: chair, seat: 'chair' }, hasReason: true },
      { ok: true, to: 'intake', byChair: true },
    ],
    [
      'the chair’s own decision the same day, search included: back to the agenda',
      { log: decided, state: 'searching', actor: { userId: chair, seat: 'chair' } },
      { ok: true, to: 'scheduled', byChair: false, rule: { kind: 'decision' } },
    ],
    [
      'a decision an offer rests on',
      {
        log: decided,
        state: 'searching',
        actor: { userId: chair, seat: 'chair' },
        dependent: 'Er is sinds het besluit een woning aangeboden.',
      },
      { ok: false, message: 'Er is sinds het besluit een woning aangeboden.' },
    ],
    [
      'a step that is undone by a step of its own',
      {
        log: [step({ transition: 'offerDwelling', from: 'searching', to: 'offered' })],
        state: 'offered',
      },
      { ok: false, code: 'CASE_REQUIREMENT_UNMET' },
    ],
    [
      'a log that does not end in the current state',
      { state: 'scheduled' },
      { ok: false, message: 'Er is geen stap om te herstellen.' },
    ],
    [
      'closing, the same day: back to follow-up support',
      { log: [step({ transition: 'close', from: 'aftercare', to: 'closed' })], state: 'closed' },
      { ok: true, to: 'aftercare' },
    ],
  ] as const)('%s', (_name, over, expected) => {
    expect(checkCorrection({ ...base, ...over } as never)).toMatchObject(expected);
  });

  it('every step of the state table says how it is corrected, or in Dutch why not', () => {
    for (const name of transitionNames) {
      const rule = correctionRules[name];
      expect(rule).toBeDefined();
      if (rule.kind === 'none') expect(rule.message).toMatch(/^Deze stap /);
    }
  });
});
