import type { UserSummary } from '@uitstroom/shared';
import type { UserAction } from './users-api';

/** One button of a user's row: what it asks the server, its label, and the notice once done. */
export interface UserActionButton {
  readonly action: UserAction;
  readonly label: string;
  /** Follows the user's name in the notice: "Sanne de Vries: herstellink verstuurd." */
  readonly done: string;
  /** A locked account is the one thing to act on at once. */
  readonly isPrimary: boolean;
}

/**
 * The actions the regio-beheerder has on a user, in the row's order: lift a lock, invite again (an
 * invited user, or an active one of an organisation that signs in with its own identity provider and
 * is not yet linked to it), send a reset link, reset two-factor, deactivate (never oneself), activate.
 */
export function userActionsOf(
  user: UserSummary,
  { isSelf, hasIdentityProvider }: { isSelf: boolean; hasIdentityProvider: boolean },
): UserActionButton[] {
  const isActive = user.status === 'active';
  const isDeactivated = user.status === 'deactivated';
  const canInviteAgain =
    user.status === 'invited' || (isActive && !user.isLinkedToProvider && hasIdentityProvider);
  const button = (action: UserAction, label: string, done: string, isPrimary = false) => ({
    action,
    label,
    done,
    isPrimary,
  });
  return [
    user.lockedUntil &&
      button('unlock', 'Blokkade opheffen', 'blokkade opgeheven; inloggen kan weer.', true),
    canInviteAgain && button('invitation', 'Uitnodiging opnieuw', 'uitnodiging opnieuw verstuurd.'),
    isActive && button('password-reset', 'Herstellink sturen', 'herstellink verstuurd.'),
    user.hasTwoFactor &&
      button('two-factor-reset', 'Tweestaps herstellen', 'tweestapsverificatie hersteld.'),
    !isDeactivated &&
      !isSelf &&
      button('deactivate', 'Deactiveren', 'gedeactiveerd; alle sessies zijn beëindigd.'),
    isDeactivated && button('activate', 'Activeren', 'weer actief.'),
  ].filter((entry): entry is UserActionButton => !!entry);
}
