import { formatDutchDateAtTime } from '@uitstroom/shared';
import type { Mail } from '../core/mailer';

// Mails carry no personal data of residents: only who is invited, for which region, and a link.

function dutchDateTime(date: Date): string {
  return formatDutchDateAtTime(date);
}

export function invitationMail(options: { to: string; displayName: string; regionName: string; regionId: string; link: string; expiresAt: Date }): Mail {
  return {
    to: options.to,
    regionId: options.regionId,
    subject: 'Uitnodiging voor de Uitstroomtafel',
    text: [
      `Beste ${options.displayName},`,
      '',
      `U bent uitgenodigd voor de Uitstroomtafel van regio ${options.regionName}.`,
      'Kies via deze link uw wachtwoord:',
      '',
      options.link,
      '',
      `De link werkt één keer en is geldig tot ${dutchDateTime(options.expiresAt)}.`,
      'Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.',
    ].join('\n'),
  };
}

export function passwordResetMail(options: { to: string; displayName: string; regionId: string; link: string; expiresAt: Date }): Mail {
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
      `De link werkt één keer en is geldig tot ${dutchDateTime(options.expiresAt)}.`,
      'Heeft u dit niet zelf gevraagd? Dan kunt u dit bericht negeren; uw wachtwoord blijft hetzelfde.',
    ].join('\n'),
  };
}
