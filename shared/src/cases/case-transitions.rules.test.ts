import fc from 'fast-check';
import { seats, type Seat } from '../auth/seats';
import {
  allowedTransitions,
  checkTransition,
  isOutcomeAllowed,
  nextReadyAt,
  requirementLabel,
  requirementMessage,
  requirements,
  requirementsFor,
  transitionNames,
  transitions,
  transitionsFrom,
  type Requirement,
  type TransitionFacts,
  type TransitionName,
} from './case-transitions.rules';
import { caseOutcomes, caseStates, type CaseOutcome, type CaseState } from './case.schemas';

/*
 * The expected table is written by hand from domain.md §4, one line per edge (a transition that
 * leaves several states has one line per state), so that it cannot drift along with the
 * implementation's table: a change to either one fails here.
 */
type Edge = readonly [
  from: CaseState,
  transition: TransitionName,
  to: CaseState,
  seats: readonly Seat[],
];
const edges: readonly Edge[] = [
  // aangemeld → uitstroomgereed: cm
  ['intake', 'markReady', 'ready', ['casemanager']],
  // uitstroomgereed → geagendeerd: cm or chair
  ['ready', 'schedule', 'scheduled', ['casemanager', 'chair']],
  // geagendeerd → uitstroomgereed: chair (deferred or taken off the agenda)
  ['scheduled', 'unschedule', 'ready', ['chair']],
  // geagendeerd → besloten: chair
  ['scheduled', 'decide', 'decided', ['chair']],
  // besloten → woning zoeken: at once with the chair's decision
  ['decided', 'startSearch', 'searching', ['chair']],
  // besloten → afgesloten: chair, referred to the origin region
  ['decided', 'referToOriginRegion', 'closed', ['chair']],
  // woning zoeken → woning aangeboden: corporation
  ['searching', 'offerDwelling', 'offered', ['corporation']],
  // woning aangeboden → woning zoeken: the resident declines (cm) or the corporation withdraws
  ['offered', 'declineOffer', 'searching', ['casemanager']],
  ['offered', 'withdrawOffer', 'searching', ['corporation']],
  // woning aangeboden → plaatsing bevestigd: destination municipality
  ['offered', 'confirmPlacement', 'confirmed', ['municipality']],
  // woning aangeboden → uitstroomgereed: destination municipality refuses
  ['offered', 'refusePlacement', 'ready', ['municipality']],
  // plaatsing bevestigd → verhuisd: cm or corporation
  ['confirmed', 'moveIn', 'moved', ['casemanager', 'corporation']],
  // verhuisd → nazorg: the follow-up provider
  ['moved', 'startAftercare', 'aftercare', ['provider']],
  // nazorg → afgesloten: cm or provider
  ['aftercare', 'close', 'closed', ['casemanager', 'provider']],
  // any state before verhuisd → afgesloten: cm
  ['intake', 'withdraw', 'closed', ['casemanager']],
  ['ready', 'withdraw', 'closed', ['casemanager']],
  ['scheduled', 'withdraw', 'closed', ['casemanager']],
  ['decided', 'withdraw', 'closed', ['casemanager']],
  ['searching', 'withdraw', 'closed', ['casemanager']],
  ['offered', 'withdraw', 'closed', ['casemanager']],
  ['confirmed', 'withdraw', 'closed', ['casemanager']],
];

/** Every transition name, by hand: a transition added to or dropped from the table fails here. */
const expectedNames: readonly TransitionName[] = [
  'markReady',
  'schedule',
  'unschedule',
  'decide',
  'startSearch',
  'referToOriginRegion',
  'offerDwelling',
  'declineOffer',
  'withdrawOffer',
  'confirmPlacement',
  'refusePlacement',
  'moveIn',
  'startAftercare',
  'close',
  'withdraw',
];
const automatic: readonly TransitionName[] = ['startSearch'];

/** The preconditions per transition and seat, in the order they must be checked. */
const expectedRequirements: Record<
  TransitionName,
  Partial<Record<Seat, readonly Requirement[]>>
> = {
  markReady: { casemanager: ['originEvidence', 'wishesRecorded', 'consentRecorded'] },
  schedule: { casemanager: ['plannedTable'], chair: ['plannedTable'] },
  unschedule: { chair: ['reason'] },
  decide: { chair: ['decision'] },
  startSearch: { chair: ['destinationInRegion'] },
  referToOriginRegion: { chair: ['destinationOutsideRegion'] },
  offerDwelling: { corporation: ['ownDwelling', 'dwellingInDestination'] },
  declineOffer: { casemanager: ['reason'] },
  withdrawOffer: { corporation: ['ownDwelling', 'reason'] },
  confirmPlacement: { municipality: ['isDestinationMunicipality', 'residentAccepted'] },
  refusePlacement: { municipality: ['isDestinationMunicipality', 'reason'] },
  moveIn: {
    casemanager: ['keyHandoverDate', 'tenancyForm'],
    corporation: ['ownDwelling', 'keyHandoverDate', 'tenancyForm'],
  },
  startAftercare: { provider: ['isFollowUpProvider'] },
  close: {
    casemanager: ['outcome', 'closingDate'],
    provider: ['isFollowUpProvider', 'outcome', 'closingDate'],
  },
  withdraw: { casemanager: ['outcomeWithdrawnOrDroppedOut', 'reason'] },
};

const allFacts: TransitionFacts = Object.fromEntries(requirements.map((r) => [r, true]));

function edgeOf(state: CaseState, transition: TransitionName): Edge | undefined {
  return edges.find(([from, name]) => from === state && name === transition);
}

describe('the transition names', () => {
  it('are exactly the hand-written list, each once', () => {
    expect([...transitionNames].sort()).toEqual([...expectedNames].sort());
    expect(Object.keys(transitions).sort()).toEqual([...expectedNames].sort());
  });

  it('every edge of the expected table names a known state and seat', () => {
    for (const [from, , to, edgeSeats] of edges) {
      expect(caseStates).toContain(from);
      expect(caseStates).toContain(to);
      for (const seat of edgeSeats) expect(seats).toContain(seat);
    }
  });
});

type MatrixRow = [
  CaseState,
  TransitionName,
  Seat,
  'ok' | 'wrongState' | 'wrongSeat',
  CaseState | undefined,
];
const matrix: MatrixRow[] = caseStates.flatMap((state) =>
  expectedNames.flatMap((transition) =>
    seats.map((seat): MatrixRow => {
      const edge = edgeOf(state, transition);
      if (!edge) return [state, transition, seat, 'wrongState', undefined];
      return edge[3].includes(seat)
        ? [state, transition, seat, 'ok', edge[2]]
        : [state, transition, seat, 'wrongSeat', undefined];
    }),
  ),
);

describe('checkTransition: every state × transition × seat, all facts met', () => {
  it('covers the whole matrix', () => {
    expect(matrix).toHaveLength(caseStates.length * expectedNames.length * seats.length);
    expect(matrix.filter((row) => row[3] === 'ok')).toHaveLength(
      edges.reduce((n, edge) => n + edge[3].length, 0),
    );
  });

  it.each(matrix)('%s · %s · %s → %s %s', (state, transition, seat, expected, to) => {
    const result = checkTransition({ state, transition, seat, facts: allFacts });
    if (expected === 'ok') {
      expect(result).toEqual({ ok: true, to });
    } else {
      expect(result).toMatchObject({ ok: false, reason: expected });
      expect(result).not.toHaveProperty('requirement');
    }
  });
});

describe('checkTransition: messages and order', () => {
  it('names the state in Dutch when the step does not leave it', () => {
    expect(
      checkTransition({
        state: 'intake',
        transition: 'schedule',
        seat: 'casemanager',
        facts: allFacts,
      }),
    ).toEqual({
      ok: false,
      reason: 'wrongState',
      message: 'Deze stap kan niet vanuit de status ‘Aangemeld’.',
    });
    expect(
      checkTransition({
        state: 'closed',
        transition: 'withdraw',
        seat: 'casemanager',
        facts: allFacts,
      }),
    ).toEqual({
      ok: false,
      reason: 'wrongState',
      message: 'Deze stap kan niet vanuit de status ‘Afgesloten’.',
    });
  });

  it('refuses a seat that may not take the step', () => {
    expect(
      checkTransition({ state: 'intake', transition: 'markReady', seat: 'chair', facts: allFacts }),
    ).toEqual({ ok: false, reason: 'wrongSeat', message: 'Uw rol mag deze stap niet zetten.' });
  });

  it('checks the state before the seat, and the seat before the facts', () => {
    expect(
      checkTransition({ state: 'ready', transition: 'markReady', seat: 'corporation', facts: {} }),
    ).toMatchObject({ reason: 'wrongState' });
    expect(
      checkTransition({ state: 'intake', transition: 'markReady', seat: 'corporation', facts: {} }),
    ).toMatchObject({ reason: 'wrongSeat' });
  });

  it('fails closed on a name from outside the type', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'teleport']) {
      expect(
        checkTransition({
          state: 'intake',
          transition: name as TransitionName,
          seat: 'casemanager',
          facts: allFacts,
        }),
      ).toMatchObject({ ok: false, reason: 'wrongState' });
    }
  });
});

type RequirementRow = [TransitionName, Seat, Requirement, CaseState];
const requirementRows: RequirementRow[] = expectedNames.flatMap((transition) =>
  Object.entries(expectedRequirements[transition]).flatMap(([seat, list]) => {
    const from = edges.find(([, name]) => name === transition)![0];
    return list!.map((requirement): RequirementRow => [
      transition,
      seat as Seat,
      requirement,
      from,
    ]);
  }),
);

describe('checkTransition: each precondition in turn', () => {
  it('the expected preconditions name exactly the seats of the step', () => {
    for (const transition of expectedNames) {
      const edgeSeats = edges.find(([, name]) => name === transition)![3];
      expect(Object.keys(expectedRequirements[transition]).sort()).toEqual([...edgeSeats].sort());
    }
  });

  it.each(
    expectedNames.flatMap((t) =>
      Object.entries(expectedRequirements[t]).map(
        ([seat, list]) => [t, seat as Seat, list!] as const,
      ),
    ),
  )('requirementsFor(%s, %s) is %j', (transition, seat, list) => {
    expect(requirementsFor(transition, seat)).toEqual(list);
  });

  it.each(requirementRows)(
    '%s by %s: without %s it is refused (from %s)',
    (transition, seat, requirement, state) => {
      const facts = { ...allFacts, [requirement]: false };
      expect(checkTransition({ state, transition, seat, facts })).toEqual({
        ok: false,
        reason: 'unmetRequirement',
        requirement,
        message: requirementMessage[requirement],
      });
    },
  );

  it.each(requirementRows)(
    '%s by %s: a missing %s counts as not met (from %s)',
    (transition, seat, requirement, state) => {
      const facts: TransitionFacts = { ...allFacts };
      delete facts[requirement];
      expect(checkTransition({ state, transition, seat, facts })).toMatchObject({
        ok: false,
        reason: 'unmetRequirement',
        requirement,
      });
    },
  );

  it.each(
    expectedNames.flatMap((t) =>
      Object.entries(expectedRequirements[t]).map(
        ([seat, list]) => [t, seat as Seat, list!] as const,
      ),
    ),
  )(
    '%s by %s: with no facts at all, the first precondition blocks (%j)',
    (transition, seat, list) => {
      const state = edges.find(([, name]) => name === transition)![0];
      expect(checkTransition({ state, transition, seat, facts: {} })).toMatchObject({
        reason: 'unmetRequirement',
        requirement: list[0],
      });
      // Only a real `true` counts: a truthy value that is not a boolean does not open the step.
      const truthy = Object.fromEntries(list.map((r) => [r, 1])) as unknown as TransitionFacts;
      expect(checkTransition({ state, transition, seat, facts: truthy })).toMatchObject({
        reason: 'unmetRequirement',
        requirement: list[0],
      });
    },
  );

  it('the Dutch message for consent', () => {
    expect(
      checkTransition({
        state: 'intake',
        transition: 'markReady',
        seat: 'casemanager',
        facts: { originEvidence: true, wishesRecorded: true, consentRecorded: false },
      }),
    ).toEqual({
      ok: false,
      reason: 'unmetRequirement',
      requirement: 'consentRecorded',
      message: 'Eerst moet de toestemming van de bewoner zijn vastgelegd.',
    });
  });

  it('every step that goes back or withdraws asks for a reason', () => {
    for (const transition of [
      'unschedule',
      'declineOffer',
      'withdrawOffer',
      'refusePlacement',
      'withdraw',
    ] as const) {
      for (const seat of transitions[transition].seats)
        expect(requirementsFor(transition, seat)).toContain('reason');
    }
  });

  it('every requirement of the vocabulary is used, and has a Dutch label and message', () => {
    const used = new Set(
      Object.values(expectedRequirements).flatMap((bySeat) => Object.values(bySeat).flat()),
    );
    expect([...used].sort()).toEqual([...requirements].sort());
    for (const requirement of requirements) {
      expect(requirementLabel[requirement]).toMatch(/\S/);
      expect(requirementMessage[requirement]).toMatch(/\.$/);
    }
  });
});

describe('outcomes of the steps that close a case', () => {
  const closingOutcomes: Record<TransitionName, readonly CaseOutcome[]> = {
    ...(Object.fromEntries(expectedNames.map((t) => [t, []])) as unknown as Record<
      TransitionName,
      readonly CaseOutcome[]
    >),
    referToOriginRegion: ['referredToOriginRegion'],
    withdraw: ['withdrawn', 'droppedOut'],
    close: [
      'independentLiving',
      'housingFirst',
      'intermediateFacility',
      'wlz',
      'backToProtectedHousing',
      'droppedOut',
    ],
  };
  const rows = expectedNames.flatMap((t) =>
    caseOutcomes.map((o) => [t, o, closingOutcomes[t].includes(o)] as const),
  );

  it.each(rows)('%s with %s: %s', (transition, outcome, expected) => {
    expect(isOutcomeAllowed(transition, outcome)).toBe(expected);
  });

  it('every outcome closes some step', () => {
    for (const outcome of caseOutcomes)
      expect(expectedNames.some((t) => isOutcomeAllowed(t, outcome))).toBe(true);
  });
});

describe('transitionsFrom and allowedTransitions', () => {
  it.each(caseStates.map((s) => [s]))('transitionsFrom(%s)', (state) => {
    const expected = edges.filter(([from]) => from === state).map(([, name]) => name);
    expect(transitionsFrom(state).sort()).toEqual([...new Set(expected)].sort());
  });

  const buttonRows = caseStates.flatMap((state) => seats.map((seat) => [state, seat] as const));
  it.each(buttonRows)(
    'allowedTransitions(%s, %s): the buttons, never an automatic step',
    (state, seat) => {
      const expected = edges
        .filter(
          ([from, name, , edgeSeats]) =>
            from === state && edgeSeats.includes(seat) && !automatic.includes(name),
        )
        .map(([, name]) => name);
      expect(allowedTransitions(state, seat).sort()).toEqual(expected.sort());
    },
  );

  it('regionAdmin takes no step anywhere', () => {
    for (const state of caseStates) expect(allowedTransitions(state, 'regionAdmin')).toEqual([]);
  });

  it('only startSearch is automatic, and it is still a valid step for the service', () => {
    expect(
      expectedNames.filter(
        (t) => (transitions[t] as { isAutomatic?: boolean }).isAutomatic === true,
      ),
    ).toEqual(automatic);
    expect(
      checkTransition({
        state: 'decided',
        transition: 'startSearch',
        seat: 'chair',
        facts: { destinationInRegion: true },
      }),
    ).toEqual({ ok: true, to: 'searching' });
  });

  it('every step has a Dutch button label and description', () => {
    for (const t of expectedNames) {
      expect(transitions[t].label).toMatch(/\S/);
      expect(transitions[t].description).toMatch(/\.$/);
      expect(transitions[t].records.length).toBeGreaterThan(0);
    }
    expect(transitions.markReady.label).toBe('Markeer als uitstroomgereed');
    expect(transitions.withdraw.label).toBe('Terugtrekken');
  });
});

describe('nextReadyAt: the waiting clock starts once', () => {
  const first = '2025-03-01T09:00:00.000Z';
  const now = '2025-06-15T14:30:00.000Z';

  it('markReady starts it', () => {
    expect(nextReadyAt(null, 'markReady', now)).toBe(now);
  });

  it('markReady never restarts it', () => {
    expect(nextReadyAt(first, 'markReady', now)).toBe(first);
  });

  it.each([
    [
      'a day before today: from the start of that Dutch day',
      '2025-04-01',
      '2025-03-31T22:00:00.000Z',
    ],
    ['a winter day', '2025-01-10', '2025-01-09T23:00:00.000Z'],
    ['today itself', '2025-06-15', '2025-06-14T22:00:00.000Z'],
    ['a day after today: from now', '2025-06-16', now],
    ['unknown: from now', null, now],
  ])('an imported Uitstroomgereed op, %s', (_label, readyOn, expected) => {
    expect(nextReadyAt(null, 'markReady', now, readyOn)).toBe(expected);
    expect(nextReadyAt(first, 'markReady', now, readyOn)).toBe(first);
    expect(nextReadyAt(null, 'withdraw', now, readyOn)).toBeNull();
  });

  it.each(
    expectedNames
      .filter((t) => t !== 'markReady')
      .flatMap(
        (t) =>
          [
            [t, first],
            [t, null],
          ] as const,
      ),
  )('%s keeps the clock as it is (%s)', (transition, current) => {
    expect(nextReadyAt(current, transition, now)).toBe(current);
  });

  it('only markReady is marked as starting the clock', () => {
    expect(
      expectedNames.filter(
        (t) => (transitions[t] as { startsWaitingClock?: boolean }).startsWaitingClock === true,
      ),
    ).toEqual(['markReady']);
  });

  it('law: along any walk through the table, readyAt is set at the first markReady and never changes after', () => {
    const walk = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 });
    fc.assert(
      fc.property(walk, (choices) => {
        let state: CaseState = 'intake';
        let readyAt: string | null = null;
        let firstReady: string | null = null;
        choices.forEach(([pick, seatPick], step) => {
          const options = edges.filter(([from]) => from === state);
          if (options.length === 0) return;
          const [, transition, to, edgeSeats] = options[pick % options.length]!;
          const seat = edgeSeats[seatPick % edgeSeats.length]!;
          const result = checkTransition({ state, transition, seat, facts: allFacts });
          expect(result).toEqual({ ok: true, to });
          const at = `2025-01-01T00:00:${String(step).padStart(2, '0')}.000Z`;
          readyAt = nextReadyAt(readyAt, transition, at);
          if (transition === 'markReady') firstReady ??= at;
          expect(readyAt).toBe(firstReady);
          state = to;
        });
      }),
    );
  });
});

describe('the graph is sound', () => {
  it('every state but closed reaches closed through the table', () => {
    for (const start of caseStates.filter((s) => s !== 'closed')) {
      const seen = new Set<CaseState>([start]);
      const queue: CaseState[] = [start];
      while (queue.length > 0) {
        const state = queue.shift()!;
        for (const name of transitionsFrom(state)) {
          const to = transitions[name].to;
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
      expect({ start, reachesClosed: seen.has('closed') }).toEqual({ start, reachesClosed: true });
    }
  });

  it('closed has no way out', () => {
    expect(transitionsFrom('closed')).toEqual([]);
    for (const seat of seats) expect(allowedTransitions('closed', seat)).toEqual([]);
  });

  it('every state but intake is reached by some step, and intake by none', () => {
    const targets = new Set<CaseState>(expectedNames.map((t) => transitions[t].to));
    expect(caseStates.filter((s) => !targets.has(s))).toEqual(['intake']);
  });

  it('no step leads from a state to itself', () => {
    for (const t of expectedNames) expect(transitions[t].from).not.toContain(transitions[t].to);
  });
});
