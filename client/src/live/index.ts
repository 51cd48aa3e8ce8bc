// The front door of the live module: hearing changes to a case or table, and who else is looking.
export { useLiveCase, useLiveTable } from './use-live';
export { describeLiveChange, PresenceNote } from './PresenceNote';
