import {
  digestLines,
  notificationKindLabel,
  notificationKindMailPhrase,
  type NotificationKind,
} from '@uitstroom/shared';
import type { Mail } from '../core/mailer';

// Mails carry no personal data of residents, nor which case or table: the addressee's name, the
// region, the kind in general words and a link. Whoever opens the link signs in and sees what
// their seat may see.

interface Addressee {
  to: string;
  displayName: string;
  regionName: string;
  regionId: string;
}

const footer = (baseUrl: string) => [
  '',
  'Of en wanneer u meldingen per e-mail krijgt, stelt u in bij Mijn account:',
  `${baseUrl}/account`,
];

export function notificationMail(
  options: Addressee & { kind: NotificationKind; baseUrl: string },
): Mail {
  return {
    to: options.to,
    regionId: options.regionId,
    subject: `Nieuwe melding in de Uitstroomtafel: ${notificationKindLabel[options.kind].toLowerCase()}`,
    text: [
      `Beste ${options.displayName},`,
      '',
      `Er is een nieuwe melding voor u in de Uitstroomtafel van regio ${options.regionName}: ${notificationKindMailPhrase[options.kind]}.`,
      'Bekijk de melding via deze link:',
      '',
      `${options.baseUrl}/meldingen`,
      ...footer(options.baseUrl),
    ].join('\n'),
  };
}

export function digestMail(
  options: Addressee & { kinds: readonly NotificationKind[]; baseUrl: string },
): Mail {
  const count = options.kinds.length;
  return {
    to: options.to,
    regionId: options.regionId,
    subject: `Uw dagelijkse overzicht van de Uitstroomtafel: ${count === 1 ? '1 nieuwe melding' : `${count} nieuwe meldingen`}`,
    text: [
      `Beste ${options.displayName},`,
      '',
      `Sinds het vorige overzicht zijn er nieuwe meldingen voor u in de Uitstroomtafel van regio ${options.regionName}:`,
      '',
      ...digestLines(options.kinds).map((line) => `- ${line}`),
      '',
      'Bekijk ze via deze link:',
      '',
      `${options.baseUrl}/meldingen`,
      ...footer(options.baseUrl),
    ].join('\n'),
  };
}
