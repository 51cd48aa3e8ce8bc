import type { SignalKind } from '@uitstroom/shared';
import {
  escalationConsequence,
  intensityNotice,
  parseDutchNumber,
  signalNotice,
} from '../../client/src/support/support-wording';

// The words and numbers of the follow-up support forms (client/src/support/support-wording.ts).

describe('parseDutchNumber', () => {
  it.each<[unknown, unknown]>([
    ['4', 4],
    ['2,5', 2.5],
    [' 2.5 ', 2.5],
    ['', undefined],
    ['   ', undefined],
    [3, 3],
    [undefined, undefined],
  ])('reads %p as %p', (typed, read) => {
    expect(parseDutchNumber(typed)).toBe(read);
  });

  it('leaves words as a number the schema refuses', () => {
    expect(parseDutchNumber('vier')).toBeNaN();
  });
});

describe('intensityNotice', () => {
  it.each<[number | null, number, string]>([
    [null, 4, 'De intensiteit is vastgelegd naar 4 uur per week.'],
    [4, 6, 'De intensiteit is opgeschaald naar 6 uur per week.'],
    [4, 4, 'De intensiteit is opgeschaald naar 4 uur per week.'],
    [4, 2, 'De intensiteit is afgeschaald naar 2 uur per week.'],
  ])('from %p to %p hours', (current, next, notice) => {
    expect(intensityNotice(current, next)).toBe(notice);
  });
});

describe('signalNotice', () => {
  it.each<[string | null, string]>([
    [null, 'Het signaal is gemeld.'],
    [
      'Escalatietafel maart',
      'Het signaal is gemeld en de casus staat op de agenda van “Escalatietafel maart”. De casus blijft in de nazorg.',
    ],
  ])('with table %p', (table, notice) => {
    expect(signalNotice(table)).toBe(notice);
  });
});

describe('escalationConsequence', () => {
  const agenda = 'De casus komt op de agenda van “Escalatietafel maart” en blijft in de nazorg.';
  it.each<[SignalKind, string]>([
    [
      'relapse',
      `${agenda} De casemanager en de gemeente van bestemming krijgen een melding van het signaal.`,
    ],
    ['paymentArrears', `${agenda} De casemanager krijgt een melding van het signaal.`],
    ['nuisance', `${agenda} De casemanager krijgt een melding van het signaal.`],
    ['other', `${agenda} De casemanager krijgt een melding van het signaal.`],
  ])('a %s names who is told, as notify tells them', (kind, line) => {
    expect(escalationConsequence(kind, 'Escalatietafel maart')).toBe(line);
  });
});
