import type { Seat } from '../auth/seats';
import { addDays, amsterdamDate, amsterdamHour } from '../calendar/calendar';
import {
  defaultNotificationPreferences,
  digestLines,
  isRecipient,
  notificationReferences,
  notificationTitle,
  preferencesWith,
  recipientsOf,
  type NotificationCandidate,
  type NotificationEvent,
} from './notification.rules';
import { notificationKinds } from './notification.schemas';

const region = 'region-flevoland';
const org = {
  kwintes: 'org-kwintes',
  ldh: 'org-ldh',
  lelystad: 'org-lelystad',
  almere: 'org-almere',
  centrada: 'org-centrada',
  coordination: 'org-coordination',
  ymere: 'org-ymere',
};

const user = (
  userId: string,
  seat: Seat,
  organisationId: string,
  municipalityCode: string | null = null,
  isActive = true,
): NotificationCandidate => ({ userId, seat, organisationId, municipalityCode, isActive });

const users = {
  casemanager: user('u-cm', 'casemanager', org.kwintes),
  colleague: user('u-cm2', 'casemanager', org.kwintes),
  ldhCasemanager: user('u-ldh-cm', 'casemanager', org.ldh),
  chair: user('u-chair', 'chair', org.coordination),
  admin: user('u-admin', 'regionAdmin', org.coordination),
  lelystad: user('u-lelystad', 'municipality', org.lelystad, 'GM0995'),
  almere: user('u-almere', 'municipality', org.almere, 'GM0034'),
  centrada: user('u-centrada', 'corporation', org.centrada),
  ymere: user('u-ymere', 'corporation', org.ymere),
  ldh: user('u-ldh', 'provider', org.ldh),
  inactiveLelystad: user('u-lelystad-old', 'municipality', org.lelystad, 'GM0995', false),
};
type UserName = keyof typeof users;

const events: Record<string, NotificationEvent> = {
  agendaPublished: {
    kind: 'agendaPublished',
    regionId: region,
    tableId: 't1',
    tableTitle: 'Uitstroomtafel Flevoland',
    startsAt: '2025-12-03T09:00:00Z',
    invitedOrganisationIds: [org.lelystad, org.centrada, org.coordination],
    caseOwnerUserIds: ['u-cm'],
  },
  tableCancelled: {
    kind: 'tableCancelled',
    regionId: region,
    tableId: 't1',
    tableTitle: 'Uitstroomtafel Flevoland',
    startsAt: '2025-12-03T09:00:00Z',
    invitedOrganisationIds: [org.lelystad, org.centrada],
    caseOwnerUserIds: ['u-cm'],
  },
  decisionConcerns: {
    kind: 'decisionConcerns',
    regionId: region,
    tableId: 't1',
    tableTitle: 'Uitstroomtafel Flevoland',
    caseId: 'c1',
    pseudonym: 'R-7K2M9QXA',
    destinationMunicipalityCode: 'GM0995',
    followUpProviderId: org.ldh,
    caseOwnerUserId: 'u-cm',
    preconditionOwnerIds: [org.centrada],
  },
  offerToAnswer: {
    kind: 'offerToAnswer',
    regionId: region,
    caseId: 'c1',
    pseudonym: 'R-7K2M9QXA',
    caseOwnerUserId: 'u-cm',
  },
  placementToConfirm: {
    kind: 'placementToConfirm',
    regionId: region,
    caseId: 'c1',
    pseudonym: 'R-7K2M9QXA',
    destinationMunicipalityCode: 'GM0034',
  },
  preconditionDue: {
    kind: 'preconditionDue',
    regionId: region,
    caseId: 'c1',
    pseudonym: 'R-7K2M9QXA',
    tableId: 't1',
    preconditionId: 'p1',
    ownerOrganisationId: org.ldh,
    lifeDomain: 'incomeAndDebts',
    dueDate: '2027-01-15',
  },
  signal: {
    kind: 'signal',
    regionId: region,
    caseId: 'c1',
    pseudonym: 'R-7K2M9QXA',
    caseOwnerUserId: 'u-cm',
    destinationMunicipalityCode: 'GM0995',
    signalKind: 'relapse',
  },
};

describe('a signal goes to the seats that must act on it', () => {
  it.each<[string, UserName[]]>([
    // The landlord reads no follow-up support: it is not told of what it may not see (issue 27.6).
    ['paymentArrears', ['casemanager']],
    ['nuisance', ['casemanager']],
    ['relapse', ['casemanager', 'lelystad']],
    ['other', ['casemanager']],
  ])('%s → %j', (signalKind, expected) => {
    const event = { ...events.signal!, signalKind } as NotificationEvent;
    expect(
      (Object.keys(users) as UserName[]).filter((name) => isRecipient(event, users[name])).sort(),
    ).toEqual([...expected].sort());
  });
  it('names arrears and nuisance in the title, never a relapse', () => {
    expect(
      notificationTitle({ ...events.signal!, signalKind: 'paymentArrears' } as NotificationEvent),
    ).toBe('Signaal uit de nazorg bij casus R-7K2M9QXA: betalingsachterstand');
    expect(notificationTitle(events.signal!)).not.toMatch(/terugval/i);
  });
});

describe('who is told of what', () => {
  it.each<[string, UserName[]]>([
    // Invited organisations (every seat at the table, the region's administrator never) and the owning case managers.
    ['agendaPublished', ['casemanager', 'chair', 'lelystad', 'centrada']],
    // The invited organisations and the case managers whose cases were on its agenda.
    ['tableCancelled', ['casemanager', 'lelystad', 'centrada']],
    // Destination municipality, the follow-up provider's provider seat, the owning case manager, the precondition owners.
    ['decisionConcerns', ['casemanager', 'lelystad', 'centrada', 'ldh']],
    ['offerToAnswer', ['casemanager']],
    ['placementToConfirm', ['almere']],
    // Every seat of the owning organisation: its case managers too.
    ['preconditionDue', ['ldhCasemanager', 'ldh']],
    ['signal', ['casemanager', 'lelystad']],
  ])('%s → %j', (kind, expected) => {
    const event = events[kind]!;
    const told = (Object.keys(users) as UserName[]).filter((name) =>
      isRecipient(event, users[name]),
    );
    expect(told.sort()).toEqual([...expected].sort());
  });

  it('covers every kind', () => {
    expect(Object.keys(events).sort()).toEqual([...notificationKinds].sort());
  });

  it.each(Object.keys(events))(
    '%s: never an inactive user nor the region administrator',
    (kind) => {
      expect(isRecipient(events[kind]!, users.inactiveLelystad)).toBe(false);
      expect(isRecipient(events[kind]!, users.admin)).toBe(false);
    },
  );

  it('tells each user once and never the one who acted', () => {
    const duplicated = [users.casemanager, users.casemanager, users.lelystad, users.chair];
    expect(recipientsOf(events.agendaPublished!, duplicated, 'u-chair')).toEqual([
      'u-cm',
      'u-lelystad',
    ]);
    expect(recipientsOf(events.agendaPublished!, duplicated)).toEqual([
      'u-cm',
      'u-lelystad',
      'u-chair',
    ]);
  });

  it('an overdue answer (issue 12) tells the case manager and the offering corporation, no other corporation', () => {
    const overdue = {
      ...events.offerToAnswer!,
      overdueForOrganisationId: org.centrada,
    } as NotificationEvent;
    expect(
      (Object.keys(users) as UserName[]).filter((name) => isRecipient(overdue, users[name])).sort(),
    ).toEqual(['casemanager', 'centrada']);
    expect(notificationTitle(overdue)).toBe(
      'Woningaanbod voor casus R-7K2M9QXA: de termijn voor het antwoord van de bewoner is verstreken',
    );
  });

  it('a decision with no destination (referred) tells no municipality', () => {
    const referred = {
      ...events.decisionConcerns!,
      destinationMunicipalityCode: null,
      followUpProviderId: null,
      preconditionOwnerIds: [],
    } as NotificationEvent;
    expect(recipientsOf(referred, Object.values(users))).toEqual(['u-cm']);
  });
});

describe('what a notification says', () => {
  it.each<[string, string]>([
    ['agendaPublished', 'Agenda gedeeld: Uitstroomtafel Flevoland, 3 december 2025'],
    ['tableCancelled', 'Tafel geannuleerd: Uitstroomtafel Flevoland, 3 december 2025'],
    ['decisionConcerns', 'Besluit over casus R-7K2M9QXA (Uitstroomtafel Flevoland)'],
    ['offerToAnswer', 'Woningaanbod voor casus R-7K2M9QXA wacht op het antwoord van de bewoner'],
    ['placementToConfirm', 'Plaatsing van casus R-7K2M9QXA wacht op uw bevestiging'],
    [
      'preconditionDue',
      'Randvoorwaarde inkomen en schulden voor casus R-7K2M9QXA: einddatum 15 januari 2027',
    ],
    ['signal', 'Signaal uit de nazorg bij casus R-7K2M9QXA'],
  ])('%s: %s', (kind, title) => {
    expect(notificationTitle(events[kind]!)).toBe(title);
  });

  it('the table day is the Amsterdam day, also just after midnight there', () => {
    const lateUtc = {
      ...events.agendaPublished!,
      startsAt: '2025-12-02T23:30:00Z',
    } as NotificationEvent;
    expect(notificationTitle(lateUtc)).toBe(
      'Agenda gedeeld: Uitstroomtafel Flevoland, 3 december 2025',
    );
  });

  it.each<
    [string, { caseId: string | null; tableId: string | null; preconditionId: string | null }]
  >([
    ['agendaPublished', { caseId: null, tableId: 't1', preconditionId: null }],
    ['tableCancelled', { caseId: null, tableId: 't1', preconditionId: null }],
    ['decisionConcerns', { caseId: 'c1', tableId: 't1', preconditionId: null }],
    ['offerToAnswer', { caseId: 'c1', tableId: null, preconditionId: null }],
    ['placementToConfirm', { caseId: 'c1', tableId: null, preconditionId: null }],
    ['preconditionDue', { caseId: 'c1', tableId: 't1', preconditionId: 'p1' }],
    ['signal', { caseId: 'c1', tableId: null, preconditionId: null }],
  ])('%s points at %j', (kind, references) => {
    expect(notificationReferences(events[kind]!)).toEqual(references);
  });
});

describe('preferences and the digest', () => {
  it('every kind comes at once until the user chooses; a stored choice wins', () => {
    expect(Object.values(defaultNotificationPreferences)).toEqual(
      notificationKinds.map(() => 'immediately'),
    );
    expect(preferencesWith({ agendaPublished: 'digest', signal: 'none' })).toEqual({
      ...defaultNotificationPreferences,
      agendaPublished: 'digest',
      signal: 'none',
    });
  });

  it.each<[string[], string[]]>([
    [[], []],
    [['agendaPublished'], ['1 × agenda gedeeld']],
    [
      ['preconditionDue', 'agendaPublished', 'preconditionDue'],
      ['1 × agenda gedeeld', '2 × randvoorwaarde op de einddatum'],
    ],
  ])('digest of %j', (kinds, lines) => {
    expect(digestLines(kinds as never)).toEqual(lines);
  });
});

describe('Amsterdam time', () => {
  it.each<[string, string, number]>([
    ['2026-01-15T05:59:00Z', '2026-01-15', 6],
    ['2026-01-15T23:30:00Z', '2026-01-16', 0],
    ['2026-07-15T04:59:00Z', '2026-07-15', 6],
    ['2026-03-29T01:30:00Z', '2026-03-29', 3],
  ])('%s is %s, hour %d', (iso, date, hour) => {
    expect(amsterdamDate(new Date(iso))).toBe(date);
    expect(amsterdamHour(new Date(iso))).toBe(hour);
  });

  it.each<[string, number, string]>([
    ['2026-03-30', 3, '2026-04-02'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
  ])('%s + %d = %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });
});
