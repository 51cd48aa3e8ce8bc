import { auditActions } from './audit.schemas';
import { seats } from '../auth/seats';
import {
  groupLogByDay,
  auditActionLabel,
  auditPurposeLabel,
  describeAction,
  describeFields,
  describePurpose,
  describeStaffForResident,
  residentRoleLabel,
} from './access-log.rules';
import { auditPurposes } from './audit.schemas';
import { caseSectionNames } from '../cases/case.schemas';

describe('how an audit row reads', () => {
  it('every action, purpose and section has a Dutch label', () => {
    expect(auditActions.filter((a) => !auditActionLabel[a])).toEqual([]);
    expect(auditPurposes.filter((p) => !auditPurposeLabel[p])).toEqual([]);
    expect(caseSectionNames.filter((s) => describeFields([s])[0] === s)).toEqual([]);
    expect(seats.filter((s) => !residentRoleLabel[s])).toEqual([]);
  });

  it.each([
    ['case.read', {}, 'Casus bekeken'],
    ['case.update', {}, 'Casus gewijzigd'],
    ['case.consent.record', {}, 'Toestemming vastgelegd'],
    ['case.document.read', {}, 'Document gedownload'],
    ['case.transition', { transition: 'markReady' }, 'Status gewijzigd: Uitstroomgereed'],
    ['case.transition', { transition: 'withdraw' }, 'Status gewijzigd: Afgesloten'],
    ['case.transition', { transition: 'toString' }, 'Status gewijzigd'],
    ['case.transition', { transition: 42 }, 'Status gewijzigd'],
    ['some.future.action', {}, 'some.future.action'],
  ])('%s %j → %s', (action, details, label) => {
    expect(describeAction(action, details)).toBe(label);
  });

  it.each([
    [
      ['identity', 'sensitive'],
      ['Naam en geboortedatum', 'Gevoelige informatie'],
    ],
    [
      ['id', 'pseudonym', 'state', 'identity', 'version'],
      ['Status', 'Naam en geboortedatum'],
    ],
    [['origin', 'isOriginUntraceable'], ['Herkomst']],
    [[], []],
    [['somethingNew'], ['somethingNew']],
  ])('fields %j → %j', (fields, labels) => {
    expect(describeFields(fields)).toEqual(labels);
  });

  it.each([
    [
      { action: 'case.read', purpose: 'case_coordination', at: '2026-03-01T09:00:00Z' },
      'casusregie',
    ],
    [{ action: 'auth.login', purpose: 'authentication', at: '2026-03-01T09:00:00Z' }, 'inloggen'],
    [
      {
        action: 'case.read',
        purpose: 'case_coordination',
        at: '2026-03-01T09:00:00Z',
        details: { tableDate: '2026-03-12' },
      },
      'voorbereiding tafel 12 maart',
    ],
    [
      {
        action: 'case.read',
        purpose: 'case_coordination',
        at: '2025-12-20T09:00:00Z',
        details: { tableDate: '2026-01-08' },
      },
      'voorbereiding tafel 8 januari 2026',
    ],
    [
      {
        action: 'case.read',
        purpose: 'case_coordination',
        at: '2026-03-01T09:00:00Z',
        details: { tableDate: 'volgende week' },
      },
      'casusregie',
    ],
    [
      { action: 'case.export', purpose: 'export', at: '2026-03-01T09:00:00Z' },
      'inzageverzoek van de bewoner',
    ],
    [
      { action: 'audit.search', purpose: 'accountability', at: '2026-03-01T09:00:00Z' },
      'privacytoezicht',
    ],
    [{ action: 'x', purpose: 'unheard_of', at: '2026-03-01T09:00:00Z' }, 'unheard_of'],
  ])('purpose of %j → %s', (row, purpose) => {
    expect(describePurpose(row)).toBe(purpose);
  });

  it('names staff for the resident by organisation and role only', () => {
    expect(describeStaffForResident('Centrada', 'corporation')).toBe('Centrada (woningcorporatie)');
    expect(describeStaffForResident('Kwintes', null)).toBe('Kwintes');
    expect(describeStaffForResident(null, null)).toBe('Het systeem');
  });
});

describe('the case log grouped by Dutch day, newest first (issue 27.6)', () => {
  const entry = (at: string) => ({ at });
  const log = [
    entry('2026-03-09T10:00:00Z'),
    entry('2026-03-10T23:30:00Z'), // 00:30 on 11 March in Amsterdam
    entry('2026-03-10T08:00:00Z'),
    entry('2026-03-10T09:00:00Z'),
  ];
  it.each([
    [
      'all',
      undefined,
      [
        ['2026-03-11', ['2026-03-10T23:30:00Z']],
        ['2026-03-10', ['2026-03-10T09:00:00Z', '2026-03-10T08:00:00Z']],
        ['2026-03-09', ['2026-03-09T10:00:00Z']],
      ],
    ],
    [
      'the latest two',
      2,
      [
        ['2026-03-11', ['2026-03-10T23:30:00Z']],
        ['2026-03-10', ['2026-03-10T09:00:00Z']],
      ],
    ],
    ['nothing', 0, []],
  ] as const)('%s', (_name, shown, expected) => {
    expect(groupLogByDay(log, shown).map((g) => [g.day, g.entries.map((e) => e.at)])).toEqual(
      expected,
    );
  });

  it('every part of a case the server names reads in Dutch (no "decision")', () => {
    expect(describeFields(['decision', 'state', 'placement'])).toEqual([
      'Besluit van de tafel',
      'Status',
      'Woningaanbod en plaatsing',
    ]);
  });
});
