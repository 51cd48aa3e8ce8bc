import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const period = 30;

function totpFor(secretBase32: string, label = 'Uitstroomtafel'): TOTP {
  return new TOTP({
    issuer: 'Uitstroomtafel',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function describeEnrollment(
  secretBase32: string,
  email: string,
): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
  const otpauthUri = totpFor(secretBase32, email).toString();
  const qrSvg = await QRCode.toString(otpauthUri, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  });
  return { secret: secretBase32, otpauthUri, qrSvg };
}

/**
 * The 30-second step the code belongs to, or null. One step of clock drift either way is allowed
 * (RFC 6238 §5.2). The caller refuses a step at or before the last accepted one, so that a code
 * overheard once cannot be used again.
 */
export function acceptedTotpStep(secretBase32: string, code: string, now: number): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / period) + delta;
}

/** For tests and the demo: the code an authenticator app would show now. */
export function currentTotpCode(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp: now });
}
