import { signalAudience, type SignalKind } from '@uitstroom/shared';

/** A number typed in Dutch ("4,5") or empty (the schema then says what is missing). */
export function parseDutchNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
}

/** What a change of intensity did: more hours scale up, fewer scale down, the first are recorded. */
export function intensityNotice(currentHours: number | null, hoursPerWeek: number): string {
  const direction =
    currentHours === null
      ? 'vastgelegd'
      : hoursPerWeek >= currentHours
        ? 'opgeschaald'
        : 'afgeschaald';
  return `De intensiteit is ${direction} naar ${hoursPerWeek} uur per week.`;
}

/** What the provider reads after a signal, with the table it was escalated to if any. */
export function signalNotice(tableTitle: string | null): string {
  return tableTitle
    ? `Het signaal is gemeld en de casus staat op de agenda van “${tableTitle}”. De casus blijft in de nazorg.`
    : 'Het signaal is gemeld.';
}

/**
 * The line before escalating a signal (issue 27.1): what follows, and who is told. The seats told
 * are notify's own (`signalAudience`): the case manager of every signal, the destination
 * municipality of a relapse. The table's chair gets no message; the case is on the agenda.
 */
export function escalationConsequence(kind: SignalKind, tableTitle: string): string {
  const audience = signalAudience(kind);
  const told = [
    audience.caseManager ? 'de casemanager' : null,
    audience.municipality ? 'de gemeente van bestemming' : null,
  ].filter((who): who is string => who !== null);
  const whoIsTold =
    told.length === 0
      ? 'Niemand krijgt een melding van het signaal.'
      : `${capitalise(told.join(' en '))} ${told.length === 1 ? 'krijgt' : 'krijgen'} een melding van het signaal.`;
  return `De casus komt op de agenda van “${tableTitle}” en blijft in de nazorg. ${whoIsTold}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
