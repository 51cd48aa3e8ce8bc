import type { Permission } from '@uitstroom/shared';
import type { ProjectedCase } from '../../client/src/cases/case-api';
import {
  casePanelsOf,
  isWaitingTooLong,
  proposalStateOf,
} from '../../client/src/cases/case-page-parts';
import type { ExceptionValues } from '../../client/src/cases/exceptions-form';

// What the case page shows, decided outside its components (client/src/cases/case-page-parts.ts):
// the panels per grant and state, and the proposal beside the wishes, stored or live.

const own = 'org-own';
const grantsOf =
  (...granted: Permission[]) =>
  (permission: Permission) =>
    granted.includes(permission);
const caseManager = grantsOf('case:update', 'case:consent', 'case:handover', 'support:read');
const corporation = grantsOf('offer:create');
const caseAt = (state: NonNullable<ProjectedCase['state']>, extra: ProjectedCase = {}) =>
  ({
    id: 'case-1',
    version: 3,
    state,
    owner: { userId: 'u1', displayName: 'Marieke', organisationId: own, organisationName: 'LdH' },
    ...extra,
  }) as ProjectedCase;

describe('casePanelsOf', () => {
  it.each([
    ['intake', caseManager, { decision: false, placement: false, support: false, edit: true }],
    ['ready', caseManager, { decision: false, placement: true, support: false }],
    ['scheduled', caseManager, { decision: false, placement: false }],
    ['decided', caseManager, { decision: true, placement: false, dwellingFits: false }],
    ['searching', caseManager, { decision: true, placement: true, dwellingFits: false }],
    ['searching', corporation, { dwellingFits: true, edit: false, handover: false }],
    ['offered', corporation, { dwellingFits: false, support: false }],
    ['moved', caseManager, { support: true, edit: true, handover: true }],
    ['moved', corporation, { support: false }],
    [
      'closed',
      caseManager,
      { support: true, edit: false, handover: false, recordOnOwnCase: false },
    ],
  ] as const)('%s, %#', (state, can, expected) => {
    expect(casePanelsOf(caseAt(state), can, own)).toMatchObject(expected);
  });

  it("the case of the reader's own organisation, for a seat that records consent", () => {
    expect(casePanelsOf(caseAt('ready'), caseManager, own)).toMatchObject({
      ownCase: true,
      recordOnOwnCase: true,
    });
    expect(casePanelsOf(caseAt('ready'), caseManager, 'org-other').ownCase).toBe(false);
    expect(casePanelsOf(caseAt('ready'), grantsOf('case:update'), own).ownCase).toBe(false);
    expect(casePanelsOf(caseAt('ready', { owner: undefined }), caseManager, own)).toMatchObject({
      ownCase: false,
      handover: false,
    });
  });
});

describe('proposalStateOf', () => {
  const region = {
    municipalities: [
      { code: 'GM0344', name: 'Utrecht', population: 360000 },
      { code: 'GM0307', name: 'Amersfoort', population: 160000 },
    ],
    bindingTest: null,
  } as unknown as Parameters<typeof proposalStateOf>[2];
  const noEdit: ExceptionValues = {
    a: { isOn: false, motivation: '' },
    b: { isOn: false, municipality: '', ground: '', canTravelFromOrigin: '', motivation: '' },
    d: { isOn: false, municipality: '', motivation: '' },
    excluded: [],
  };
  const admitted = {
    stay: { targetGroup: 'protectedHousing', admissionDate: '2026-01-05' },
    addresses: [{ municipality: 'GM0344', kind: 'woonadres', from: '2020-01-01' }],
    isOriginUntraceable: false,
    proposal: null,
  } as unknown as ProjectedCase;

  it.each([
    ['a seat that does not read the proposal', {}, null, null],
    [
      'stored, without an admission date',
      { proposal: null },
      null,
      { kind: 'none', reason: 'Nog geen voorstel: de opnamedatum ontbreekt.' },
    ],
    [
      'stored, with an admission date but no proposal',
      { proposal: null, stay: { admissionDate: '2026-01-05' } },
      null,
      { kind: 'none', reason: 'De regel kan voor dit dossier nog geen voorstel doen.' },
    ],
    [
      'edited, without an admission date',
      { proposal: null },
      noEdit,
      { kind: 'none', reason: 'Nog geen voorstel: de opnamedatum ontbreekt.' },
    ],
  ] as const)('%s', (_label, view, edited, expected) => {
    expect(
      proposalStateOf(
        view as ProjectedCase,
        edited as ExceptionValues | null,
        region,
        '2026-03-01',
      ),
    ).toEqual(expected);
  });

  it("stored: the server's proposal with its rule-set version", () => {
    const result = { outcome: 'origin' } as never;
    expect(
      proposalStateOf({ proposal: { ruleSetVersion: 4, result } }, null, region, '2026-03-01'),
    ).toEqual({ kind: 'stored', proposal: result, ruleSetVersion: 4 });
  });

  it('edited: the engine answers for the typed exceptions, live', () => {
    const live = proposalStateOf(admitted, noEdit, region, '2026-03-01');
    expect(live?.kind).toBe('live');
    const withD: ExceptionValues = {
      ...noEdit,
      d: { isOn: true, municipality: 'GM0307', motivation: 'Alleen hier is een passende plek.' },
    };
    const withException = proposalStateOf(admitted, withD, region, '2026-03-01');
    expect(withException).toMatchObject({ kind: 'live', proposal: { destination: 'GM0307' } });
  });
});

describe('isWaitingTooLong', () => {
  it.each([
    ['ready, over the target', 'ready', 91, true],
    ['ready, at the target', 'ready', 90, false],
    ['searching, over the target', 'searching', 120, true],
    ['offered: the clock no longer flags', 'offered', 120, false],
    ['intake: no clock yet', 'intake', null, false],
  ] as const)('%s', (_label, state, waitingDays, expected) => {
    expect(isWaitingTooLong(caseAt(state, { waitingDays }), 90)).toBe(expected);
  });
});
