// The test suite hashes passwords cheaply (server/src/auth/passwords.ts); everywhere else the cost
// must stay at OWASP's floor for argon2id: 64 MiB, 3 passes.
describe('the cost of a password hash', () => {
  const originalEnvironment = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = originalEnvironment;
  });

  async function passwordsModuleUnder(nodeEnv: string) {
    process.env.NODE_ENV = nodeEnv;
    let passwords!: typeof import('../../server/src/auth/passwords');
    await jest.isolateModulesAsync(async () => {
      passwords = await import('../../server/src/auth/passwords');
    });
    return passwords;
  }

  test.each([
    ['production', '$argon2id$v=19$m=65536,p=4,t=3$'],
    ['test', '$argon2id$v=19$m=4096,p=4,t=2$'],
  ])(
    'under NODE_ENV=%s a hash starts %s',
    async (nodeEnv, prefix) => {
      const { hashPassword, verifyPassword } = await passwordsModuleUnder(nodeEnv);
      const hash = await hashPassword('een wachtwoord');
      expect(hash.startsWith(prefix)).toBe(true);
      expect(await verifyPassword(hash, 'een wachtwoord')).toBe(true);
      expect(await verifyPassword(hash, 'een ander wachtwoord')).toBe(false);
    },
    20_000,
  );
});
