import {
  createSaveQueue,
  isSavedWhole,
  planSave,
  settleSections,
} from '../../client/src/cases/intake-autosave-plan';
import { isDraftUsable, type Base, type Draft } from '../../client/src/cases/intake-drafts';
import {
  emptyIntakeValues,
  toSections,
  type IntakeSection,
} from '../../client/src/cases/intake-form';

// The decisions of the intake's autosave, without React or a network (client/src/cases/
// intake-autosave-plan.ts and intake-drafts.ts): what is sent, what waits for a fix, how a stale
// write is settled, how save requests queue, and when a kept draft goes back into the form.

const typed = toSections(emptyIntakeValues());
const baseOf = (sections: Record<IntakeSection, unknown>, version = 3): Base => ({
  version,
  sections: { ...sections },
});
const withSection = (section: IntakeSection, value: unknown) => ({ ...typed, [section]: value });

describe('planSave', () => {
  it('sends nothing when the form equals the server file (an invalid section as loaded waits)', () => {
    const plan = planSave(typed, baseOf(typed));
    expect(plan.changes).toEqual({});
    expect(plan.invalid).toEqual([]);
    expect(plan.invalidSteps).toEqual([]);
  });

  it.each([
    ['contact', { note: 'Belt liever na tien uur.' }],
    ['isOriginUntraceable', true],
  ] as const)('sends a valid changed section whole: %s', (section, value) => {
    const plan = planSave(withSection(section, value), baseOf(typed));
    expect(Object.keys(plan.changes)).toEqual([section]);
    expect(plan.valid).toContain(section);
  });

  it('does not send an invalid changed section; it names its issues and its step', () => {
    const candidates = withSection('identity', { firstName: 'A'.repeat(300), lastName: '' });
    const plan = planSave(candidates, baseOf(typed));
    expect(plan.changes).not.toHaveProperty('identity');
    expect(plan.invalid.map((i) => i.section)).toEqual(['identity']);
    expect(plan.invalid[0]!.issues.every((i) => i.path.startsWith('identity.'))).toBe(true);
    expect(plan.invalidSteps.length).toBe(1);
  });
});

describe('settleSections after a stale write', () => {
  const mine = withSection('contact', { note: 'Mijn notitie.' });
  it.each([
    ['only they changed a section: theirs is taken over', 'wishes', ['wishes'], []],
    ['both changed it the same way: nothing to settle', 'same', [], []],
    ['both changed it differently: a conflict to choose', 'contact', [], ['contact']],
  ] as const)('%s', (_name, changed, takeOver, conflicts) => {
    const theirs =
      changed === 'same'
        ? baseOf(mine, 4)
        : changed === 'wishes'
          ? baseOf({ ...typed, wishes: { note: 'Hun wens.' } }, 4)
          : baseOf({ ...typed, contact: { note: 'Hun notitie.' } }, 4);
    const settled = settleSections(baseOf(typed), theirs, changed === 'wishes' ? typed : mine);
    expect(settled.takeOver).toEqual(takeOver);
    expect(settled.conflicts.map((c) => c.section)).toEqual(conflicts);
  });
});

describe('isSavedWhole', () => {
  it('is false while a section differs from the server file', () => {
    const candidates = withSection('contact', { note: 'Nog niet opgeslagen.' });
    expect(isSavedWhole(candidates, baseOf(typed))).toBe(false);
  });
});

describe('createSaveQueue', () => {
  it('runs one save at a time; a request meanwhile runs once more, and callers share the run', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const queue = createSaveQueue(
      () => {
        runs += 1;
        return runs === 1 ? new Promise<void>((done) => (release = done)) : Promise.resolve();
      },
      () => false,
    );
    const first = queue.request();
    const second = queue.request();
    const third = queue.request();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;
    expect(runs).toBe(2);
  });

  it('stops the follow-up run while a conflict waits for the user', async () => {
    let runs = 0;
    const queue = createSaveQueue(
      async () => {
        runs += 1;
        queue.runAgain();
      },
      () => true,
    );
    await queue.request();
    expect(runs).toBe(1);
  });

  it('runs again when the save asks for it (the rest follows after creating the case)', async () => {
    const seen: number[] = [];
    const queue = createSaveQueue(
      async () => {
        seen.push(seen.length);
        if (seen.length === 1) queue.runAgain();
      },
      () => false,
    );
    await queue.request();
    expect(seen).toEqual([0, 1]);
  });
});

describe('isDraftUsable', () => {
  const draft = (version: number | null): Draft => ({
    values: emptyIntakeValues(),
    base: version === null ? null : baseOf(typed, version),
    savedAt: '2026-12-07T10:00:00.000Z',
  });
  it.each([
    ['no draft', null, null, false],
    ['a draft of a new case', draft(null), null, true],
    ['typed on the loaded version', draft(3), { version: 3 }, true],
    ['typed on an older version (a 409 shows both)', draft(2), { version: 3 }, true],
    ['typed on a version the server never had', draft(5), { version: 3 }, false],
    ['a new-case draft for a loaded case', draft(null), { version: 3 }, false],
  ] as const)('%s', (_name, kept, loaded, expected) => {
    expect(isDraftUsable(kept, loaded)).toBe(expected);
  });
});
