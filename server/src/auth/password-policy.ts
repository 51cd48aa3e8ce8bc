import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError, passwordMaxLength, passwordMinLength } from '@uitstroom/shared';

// ASVS V2.1.7: refuse passwords from breach and frequency lists. The zxcvbn-ts common list (~49,000
// words, lower-cased) plus Dutch words that such lists miss; compared case-insensitively, and also
// with the digits and symbols at the end stripped, which is how such passwords are usually varied.
const commonPasswords = new Set<string>([
  ...(dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()),
  'wachtwoord',
  'welkom',
  'welkom01',
  'geheim',
  'uitstroomtafel',
  'uitstroom',
  'flevoland',
  'almere',
  'lelystad',
  'wachtwoordwachtwoord',
  'welkomwelkom',
  'voorjaar',
  'zomer',
  'najaar',
  'winter',
]);

function stripVariation(password: string): string {
  return password.toLowerCase().replace(/[\d\W_]+$/u, '');
}

/** Throws a validation error at `field` when the password breaks a rule; Dutch messages. */
export function assertAcceptablePassword(
  password: string,
  email: string,
  field = 'newPassword',
): void {
  const fail = (message: string) => {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: field, message }]);
  };
  if ([...password].length < passwordMinLength)
    fail(`Een wachtwoord heeft minstens ${passwordMinLength} tekens.`);
  if ([...password].length > passwordMaxLength)
    fail(`Een wachtwoord heeft hoogstens ${passwordMaxLength} tekens.`);
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered) || commonPasswords.has(stripVariation(password))) {
    fail(
      'Dit wachtwoord komt voor in lijsten van veelgebruikte of gelekte wachtwoorden. Kies een ander.',
    );
  }
  if (new Set(lowered).size <= 2) fail('Dit wachtwoord is te eenvoudig. Kies een ander.');
  const emailName = email.split('@')[0]?.toLowerCase() ?? '';
  if (emailName.length >= 4 && lowered.includes(emailName))
    fail('Een wachtwoord mag uw e-mailadres niet bevatten.');
}
