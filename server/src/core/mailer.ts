import nodemailer from 'nodemailer';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';

export interface Mail {
  to: string;
  subject: string;
  /** Plain text only. Never a resident's personal data: mails carry a link, the app shows the rest. */
  text: string;
  /** The region the mail is about, for the demo outbox page. */
  regionId: string | null;
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(mail: Mail): Promise<void>;
}

/**
 * One mailer for the product: SMTP when SMTP_URL is set; otherwise, outside production, the demo
 * outbox (a table the regio-beheerder reads on a page). Production without SMTP refuses to start,
 * because invitations and password resets would silently go nowhere.
 */
export function createMailer(options: {
  smtpUrl: string | null;
  mailFrom: string;
  isProduction: boolean;
  db: DataSource;
  logger?: Logger;
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      async send(mail) {
        await transport.sendMail({
          from: options.mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
        });
      },
    };
  }
  if (options.isProduction) throw new Error('SMTP_URL is required in production');
  return {
    kind: 'outbox',
    async send(mail) {
      await options.db.query(
        'INSERT INTO mail_outbox (region_id, to_address, subject, text_body) VALUES ($1, $2, $3, $4)',
        [mail.regionId, mail.to, mail.subject, mail.text],
      );
    },
  };
}

/**
 * Sends after the transaction that caused the mail has committed; a failure is logged and does
 * not undo the change (the administrator can send an invitation or reset again).
 */
export async function sendAfterCommit(
  mailer: Mailer,
  mail: Mail,
  logger?: Logger,
): Promise<boolean> {
  try {
    await mailer.send(mail);
    return true;
  } catch (error) {
    logger?.error({ err: error, subject: mail.subject }, 'sending mail failed');
    return false;
  }
}
