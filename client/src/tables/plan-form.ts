import type { Resolver } from 'react-hook-form';
import {
  amsterdamDate,
  createTableSchema,
  formatDutchTime,
  type TableDetails,
  type TableView,
} from '@uitstroom/shared';
import { addMessage, toFieldErrors, type FieldMessages } from '../core/form-errors';
import { amsterdamToIso } from './table-format';

/** "Tafel plannen" as typed: date and time apart, the region as an empty municipality. */
export interface PlanValues {
  title: string;
  date: string;
  time: string;
  location: string;
  videoUrl: string;
  /** Empty for the region's table. */
  municipalityCode: string;
  invitedOrganisationIds: string[];
}

export const emptyPlan: PlanValues = {
  title: '',
  date: '',
  time: '10:00',
  location: '',
  videoUrl: '',
  municipalityCode: '',
  invitedOrganisationIds: [],
};

/** A table as it stands, as the form to correct it starts (Dutch date and time). */
export function planValuesOf(
  table: Pick<
    TableView,
    'title' | 'startsAt' | 'location' | 'videoUrl' | 'municipalityCode' | 'invited'
  >,
): PlanValues {
  return {
    title: table.title,
    date: amsterdamDate(table.startsAt),
    time: formatDutchTime(table.startsAt),
    location: table.location ?? '',
    videoUrl: table.videoUrl ?? '',
    municipalityCode: table.municipalityCode ?? '',
    invitedOrganisationIds: table.invited.map((o) => o.id),
  };
}

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The form as the API takes it (not yet validated). */
export function toTableDetails(values: PlanValues): Record<string, unknown> {
  const details: Record<string, unknown> = {
    title: values.title,
    startsAt: amsterdamToIso(values.date, values.time) ?? '',
    location: blank(values.location),
    videoUrl: blank(values.videoUrl),
    municipalityCode: blank(values.municipalityCode),
    // A group of checkboxes gives `false` when none is checked.
    invitedOrganisationIds: Array.isArray(values.invitedOrganisationIds)
      ? values.invitedOrganisationIds
      : [],
  };
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
}

/**
 * A path the API reports (`startsAt`, `invitedOrganisationIds.2`; a correction's under `details.`)
 * → the form field that shows it.
 */
export function planFieldOf(path: string): keyof PlanValues {
  const parts = path.split('.');
  const head = parts[0] === 'details' ? parts[1] : parts[0];
  if (head === 'startsAt') return 'date';
  if (
    head === 'title' ||
    head === 'location' ||
    head === 'videoUrl' ||
    head === 'municipalityCode' ||
    head === 'invitedOrganisationIds'
  )
    return head;
  return 'title';
}

export function checkPlan(values: PlanValues): {
  messages: FieldMessages;
  details: TableDetails | null;
} {
  const messages: FieldMessages = new Map();
  if (!values.date) addMessage(messages, 'date', 'Kies de datum van de tafel.');
  if (!/^\d{2}:\d{2}$/.test(values.time))
    addMessage(messages, 'time', 'Kies de begintijd (uu:mm).');
  const parsed = createTableSchema.safeParse(toTableDetails(values));
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      addMessage(messages, planFieldOf(issue.path.join('.')), issue.message);
  return { messages, details: messages.size === 0 && parsed.success ? parsed.data : null };
}

/** The shared schema judges; the messages land at the fields as typed. */
export const planResolver: Resolver<PlanValues> = (values) => {
  const { messages } = checkPlan(values);
  return messages.size === 0
    ? { values, errors: {} }
    : { values: {}, errors: toFieldErrors<PlanValues>(messages) };
};
