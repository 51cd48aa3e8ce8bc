// The front door of the auth module: all that other modules and the app may use of it.
export { invitationMail, passwordResetMail } from './account.mails';
export { createLinkToken, setPasswordLink } from './account.service';
export { endSessionsOfUser, liftAccountLock } from './auth.repository';
export { authRoutes, linkBase } from './auth.routes';
export { getMe, loadActor } from './auth.service';
export { hashPassword } from './passwords';
export {
  identityProviderOf,
  providerSignInFor,
  removeIdentityProvider,
  saveIdentityProvider,
} from './identity-provider.service';
