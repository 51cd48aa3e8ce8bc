import { Paragraph } from '@utrecht/component-library-react';
import { presenceText, type LiveRoom } from '@uitstroom/shared';
import { useMe } from '../core/session';
import { usePresence } from './use-live';
import './live.css';

/** "Nu open bij: …": who else has this case or table open. Nothing when you are alone. */
export function PresenceNote({ room }: { room: LiveRoom }) {
  const me = useMe();
  const text = presenceText(usePresence(room), me.user.id);
  return (
    <div className="presence-note" aria-live="polite">
      {text && (
        <Paragraph className="presence-note__text">
          <span className="presence-note__dot" aria-hidden="true" />
          {text}
        </Paragraph>
      )}
    </div>
  );
}

/** "Sanne Willems van Kwintes heeft deze casus zojuist gewijzigd." — or without a name, for a seat that may not know who. */
export function describeLiveChange(
  what: string,
  changedBy: { displayName: string; organisationName: string } | undefined,
): string {
  return changedBy
    ? `${changedBy.displayName} van ${changedBy.organisationName} heeft ${what} zojuist gewijzigd.`
    : `${what[0]!.toUpperCase()}${what.slice(1)} is zojuist bijgewerkt.`;
}
