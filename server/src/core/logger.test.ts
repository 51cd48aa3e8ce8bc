import { QueryFailedError } from 'typeorm';
import { stdSerializers } from 'pino';
import { serializeError } from './logger';

/** The one error serializer, on raw errors and on errors pino-http has already serialized. */
describe('serializeError', () => {
  const secret = 'Noor de Jong, eerwraak';
  const driverError = Object.assign(new Error(`invalid input syntax for type uuid: "${secret}"`), {
    code: '22P02',
    severity: 'ERROR',
    routine: 'string_to_uuid',
    detail: `Key (name)=(${secret})`,
    where: secret,
    table: 'case_file',
    column: 'id',
  });
  const queryFailed = new QueryFailedError(
    'UPDATE case_file SET sections = $1 WHERE id = $2',
    [{ sensitive: secret }, 'x'],
    driverError,
  );

  it.each([
    ['a raw QueryFailedError', queryFailed],
    [
      'one pino-std-serializers has already turned into a plain object',
      stdSerializers.err(queryFailed),
    ],
  ])(
    '%s: type, SQL state, schema names and frames; no message, query, parameters or detail',
    (_name, error) => {
      const logged = serializeError(error);
      expect(logged).toMatchObject({
        type: 'QueryFailedError',
        sqlState: '22P02',
        routine: 'string_to_uuid',
        table: 'case_file',
        column: 'id',
      });
      expect(logged.stack).toMatch(/^\s+at /);
      expect(JSON.stringify(logged)).not.toContain('Noor');
      expect(JSON.stringify(logged)).not.toMatch(/UPDATE|parameters|detail|where/);
    },
  );

  it('keeps a code of the platform, not one that is text', () => {
    expect(
      serializeError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toMatchObject({ type: 'Error', code: 'ECONNREFUSED' });
    expect(
      serializeError(Object.assign(new Error('x'), { code: `${secret}` })).code,
    ).toBeUndefined();
  });

  it('follows causes a few levels deep, and copes with what is no error', () => {
    const nested = new Error('a', { cause: new TypeError('b', { cause: new RangeError(secret) }) });
    expect(serializeError(nested)).toMatchObject({
      type: 'Error',
      cause: { type: 'TypeError', cause: { type: 'RangeError' } },
    });
    expect(JSON.stringify(serializeError(nested))).not.toContain('Noor');
    expect(serializeError(secret)).toEqual({ type: 'string' });
    expect(serializeError(null)).toEqual({ type: 'object' });
  });
});
