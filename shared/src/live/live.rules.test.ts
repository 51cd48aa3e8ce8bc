import { toErrorIssues } from '../validation';
import {
  liveRoomName,
  parseLiveRoomName,
  presenceList,
  presenceText,
  type PresenceEntry,
} from './live.rules';
import {
  caseChangedSchema,
  liveAckSchema,
  presenceSchema,
  watchMessageSchema,
} from './live.schemas';

const caseId = '2b0f6a36-6a54-4f0c-9d47-0c3c2a1e4b11';
const sanne: PresenceEntry = {
  userId: '11111111-1111-4111-8111-111111111111',
  seat: 'casemanager',
  displayName: 'Sanne Willems',
  organisationName: 'Kwintes',
};
const bas: PresenceEntry = {
  userId: '22222222-2222-4222-8222-222222222222',
  seat: 'corporation',
  displayName: 'Bas Kok',
  organisationName: 'Centrada',
};
const anna: PresenceEntry = {
  userId: '33333333-3333-4333-8333-333333333333',
  seat: 'chair',
  displayName: 'Anna de Vries',
  organisationName: 'Regionale coördinatie Flevoland',
};

describe('watchMessageSchema', () => {
  it.each([
    ['a case', { room: { kind: 'case', id: caseId } }],
    ['a table', { room: { kind: 'table', id: caseId } }],
  ])('accepts %s', (_label, input) => {
    expect(watchMessageSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ['nothing', undefined, ''],
    ['a string', 'case:abc', ''],
    ['no room', {}, 'room'],
    ['an unknown kind', { room: { kind: 'user', id: caseId } }, 'room.kind'],
    ['an id that is no uuid', { room: { kind: 'case', id: '1 OR 1=1' } }, 'room.id'],
    ['an extra field in the room', { room: { kind: 'case', id: caseId, all: true } }, 'room.all'],
    [
      'an extra field beside the room',
      { room: { kind: 'case', id: caseId }, userId: caseId },
      'userId',
    ],
  ])('refuses %s at path "%s"', (_label, input, path) => {
    const result = watchMessageSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(toErrorIssues(result.error).map((i) => i.path)).toContain(path);
  });
});

describe('liveAckSchema', () => {
  it.each([
    [{ ok: true }, true],
    [{ ok: false, error: { code: 'NOT_FOUND', message: 'Niet gevonden.', issues: [] } }, true],
    [{ ok: false }, false],
    [{ ok: false, error: { code: 'NO_SUCH_CODE', message: 'x', issues: [] } }, false],
  ])('%j → %s', (input, isValid) => {
    expect(liveAckSchema.safeParse(input).success).toBe(isValid);
  });
});

describe('caseChangedSchema', () => {
  it('keeps only the fields of the case view: anything else is dropped', () => {
    const parsed = caseChangedSchema.parse({
      caseId,
      view: { id: caseId, state: 'ready', secret: 'x' },
    });
    expect(parsed.view).toEqual({ id: caseId, state: 'ready' });
  });

  it('refuses a view field of the wrong shape at its path', () => {
    const result = caseChangedSchema.safeParse({ caseId, view: { state: 'unknown' } });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(toErrorIssues(result.error).map((i) => i.path)).toEqual(['view.state']);
  });
});

describe('room names', () => {
  it.each([
    [{ kind: 'case', id: caseId } as const, `case:${caseId}`],
    [{ kind: 'table', id: caseId } as const, `table:${caseId}`],
  ])('%j ⇄ %s', (room, name) => {
    expect(liveRoomName(room)).toBe(name);
    expect(parseLiveRoomName(name)).toEqual(room);
  });

  it.each([
    `user:${caseId}`,
    `session:${caseId}`,
    'case:',
    `case:${caseId}#named`,
    'Xy7-socket-id',
    `CASE:${caseId}`,
  ])('%s is no case or table room', (name) => {
    expect(parseLiveRoomName(name)).toBeNull();
  });
});

describe('presenceList', () => {
  it.each([
    ['nobody', [], 'named', []],
    [
      'two tabs of one person count once',
      [sanne, sanne],
      'named',
      [
        {
          userId: sanne.userId,
          seat: 'casemanager',
          displayName: 'Sanne Willems',
          organisationName: 'Kwintes',
        },
      ],
    ],
    [
      'sorted by name',
      [sanne, bas, anna],
      'named',
      [anna, bas, sanne].map(({ userId, seat, displayName, organisationName }) => ({
        userId,
        seat,
        displayName,
        organisationName,
      })),
    ],
    [
      'seat only: no names, no organisations',
      [sanne, bas],
      'seatOnly',
      [
        { userId: sanne.userId, seat: 'casemanager' },
        { userId: bas.userId, seat: 'corporation' },
      ],
    ],
  ] as const)('%s', (_label, entries, detail, expected) => {
    const list = presenceList(entries, detail);
    expect(list).toEqual(expected);
    expect(
      presenceSchema.safeParse({ room: { kind: 'case', id: caseId }, people: list }).success,
    ).toBe(true);
  });

  it('a seat-only list carries no name or organisation at all', () => {
    expect(JSON.stringify(presenceList([sanne, anna], 'seatOnly'))).not.toMatch(
      /Sanne|Kwintes|Anna|coördinatie/,
    );
  });
});

describe('presenceText', () => {
  const named = presenceList([sanne, bas, anna], 'named');
  it.each([
    ['only the reader', presenceList([sanne], 'named'), sanne.userId, null],
    ['nobody', [], sanne.userId, null],
    [
      'one other and the reader',
      presenceList([sanne, bas], 'named'),
      bas.userId,
      'Nu open bij: Sanne Willems (Casemanager / regisseur, Kwintes) en u.',
    ],
    [
      'two others and the reader',
      named,
      bas.userId,
      'Nu open bij: Anna de Vries (Tafelvoorzitter, Regionale coördinatie Flevoland), Sanne Willems (Casemanager / regisseur, Kwintes) en u.',
    ],
    [
      'others by seat only',
      presenceList([sanne, anna, bas], 'seatOnly'),
      bas.userId,
      'Nu open bij: een casemanager / regisseur, een tafelvoorzitter en u.',
    ],
    [
      'the reader not (yet) in the list',
      presenceList([sanne], 'named'),
      bas.userId,
      'Nu open bij: Sanne Willems (Casemanager / regisseur, Kwintes).',
    ],
  ])('%s', (_label, people, own, expected) => {
    expect(presenceText(people, own)).toBe(expected);
  });
});
