import { formatDutchDateAtTime } from '@uitstroom/shared';
import type { Mail } from '../core/mailer';

// Mails carry no personal data of residents: only who is invited, for which region, and a link.

export function invitationMail(options: {
  to: string;
  displayName: string;
  regionName: string;
  regionId: string;
  /** The link to choose a password; null where the organisation signs in through its provider only. */
  link: string | null;
  /** The sign-in page, where the organisation's own accounts sign in (null: password only). */
  providerSignInLink?: string | null;
  expiresAt: Date;
}): Mail {
  const until = formatDutchDateAtTime(options.expiresAt);
  const viaProvider = options.providerSignInLink
    ? [
        'U logt in met het account van uw eigen organisatie. Ga naar',
        '',
        options.providerSignInLink,
        '',
        `en vul uw e-mailadres in. Log vóór ${until} voor het eerst in: dan wordt uw account gekoppeld.`,
      ]
    : [];
  const viaPassword = options.link
    ? [
        options.providerSignInLink
          ? 'U kunt ook een wachtwoord kiezen, via deze link:'
          : 'Kies via deze link uw wachtwoord:',
        '',
        options.link,
        '',
        `De link werkt één keer en is geldig tot ${until}.`,
      ]
    : [];
  return {
    to: options.to,
    regionId: options.regionId,
    subject: 'Uitnodiging voor de Uitstroomtafel',
    text: [
      `Beste ${options.displayName},`,
      '',
      `U bent uitgenodigd voor de Uitstroomtafel van regio ${options.regionName}.`,
      ...viaProvider,
      ...(viaProvider.length && viaPassword.length ? [''] : []),
      ...viaPassword,
      'Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.',
    ].join('\n'),
  };
}

export function passwordResetMail(options: {
  to: string;
  displayName: string;
  regionId: string;
  link: string;
  expiresAt: Date;
}): Mail {
  return {
    to: options.to,
    regionId: options.regionId,
    subject: 'Nieuw wachtwoord voor de Uitstroomtafel',
    text: [
      `Beste ${options.displayName},`,
      '',
      'Er is gevraagd om een nieuw wachtwoord voor uw account bij de Uitstroomtafel.',
      'Kies via deze link een nieuw wachtwoord:',
      '',
      options.link,
      '',
      `De link werkt één keer en is geldig tot ${formatDutchDateAtTime(options.expiresAt)}.`,
      'Heeft u dit niet zelf gevraagd? Dan kunt u dit bericht negeren; uw wachtwoord blijft hetzelfde.',
    ].join('\n'),
  };
}

/** The owner hears that their account was locked after many failed attempts: perhaps someone is guessing. */
export function accountLockedMail(options: {
  to: string;
  displayName: string;
  regionId: string;
  until: Date;
}): Mail {
  return {
    to: options.to,
    regionId: options.regionId,
    subject: 'Uw account bij de Uitstroomtafel is tijdelijk geblokkeerd',
    text: [
      `Beste ${options.displayName},`,
      '',
      'Er is vaak achter elkaar geprobeerd in te loggen op uw account bij de Uitstroomtafel, met een verkeerd wachtwoord of een verkeerde code.',
      `Daarom is uw account geblokkeerd tot ${formatDutchDateAtTime(options.until)}. Daarna kunt u weer inloggen.`,
      '',
      'Was u dit niet zelf? Dan probeert misschien iemand anders uw wachtwoord te raden. Kies na de blokkade een nieuw wachtwoord',
      'en meld het bij de regio-beheerder van uw regio. De regio-beheerder kan de blokkade ook meteen opheffen.',
    ].join('\n'),
  };
}
