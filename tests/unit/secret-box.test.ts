import {
  encryptionKeysFrom,
  isSealedWithCurrentKey,
  openSecret,
  sealSecret,
} from '../../server/src/core/secret-box';

const keyA = Buffer.alloc(32, 1).toString('base64');
const keyB = Buffer.alloc(32, 2).toString('base64');

describe('APP_ENCRYPTION_KEY', () => {
  it.each([
    [{ NODE_ENV: 'production' }, /required in production/],
    [{ APP_ENCRYPTION_KEY: 'te-kort' }, /not 32 bytes/],
    [{ APP_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }, /not 32 bytes/],
    [{ APP_ENCRYPTION_KEY: `${keyA},nope` }, /key 2 is not 32 bytes/],
  ])('%j is refused', (env, message) => {
    expect(() => encryptionKeysFrom(env)).toThrow(message);
  });
  it('outside production without a key: the development key, and it says so', () => {
    expect(encryptionKeysFrom({ NODE_ENV: 'test' }).isDevelopmentKey).toBe(true);
    expect(encryptionKeysFrom({ APP_ENCRYPTION_KEY: keyA }).isDevelopmentKey).toBe(false);
  });
});

describe('sealing and opening (AES-256-GCM)', () => {
  const keys = encryptionKeysFrom({ APP_ENCRYPTION_KEY: keyA });
  const sealed = sealSecret(keys, 'JBSWY3DPEHPK3PXP', 'app_user.totp_secret:1');

  it('opens what it sealed, and every seal is different', () => {
    expect(sealed).toMatch(/^v1:[\w-]{8}:[\w-]+$/);
    expect(openSecret(keys, sealed, 'app_user.totp_secret:1')).toBe('JBSWY3DPEHPK3PXP');
    expect(sealSecret(keys, 'JBSWY3DPEHPK3PXP', 'app_user.totp_secret:1')).not.toBe(sealed);
  });
  it.each([
    ['another row', sealed, 'app_user.totp_secret:2'],
    ['an altered value', `${sealed.slice(0, -2)}AA`, 'app_user.totp_secret:1'],
    ['plain text', 'JBSWY3DPEHPK3PXP', 'app_user.totp_secret:1'],
  ])('refuses %s', (_what, value, belongsTo) => {
    expect(() => openSecret(keys, value, belongsTo)).toThrow();
  });
  it('rotation: the new key first, the old one after it opens the old seals; the new one seals', () => {
    const rotated = encryptionKeysFrom({ APP_ENCRYPTION_KEY: `${keyB},${keyA}` });
    expect(openSecret(rotated, sealed, 'app_user.totp_secret:1')).toBe('JBSWY3DPEHPK3PXP');
    expect(isSealedWithCurrentKey(rotated, sealed)).toBe(false);
    const resealed = sealSecret(rotated, 'JBSWY3DPEHPK3PXP', 'app_user.totp_secret:1');
    expect(isSealedWithCurrentKey(rotated, resealed)).toBe(true);
    // Without the old key the old seal names a key nobody lists.
    const onlyNew = encryptionKeysFrom({ APP_ENCRYPTION_KEY: keyB });
    expect(() => openSecret(onlyNew, sealed, 'app_user.totp_secret:1')).toThrow(/does not list/);
  });
});
