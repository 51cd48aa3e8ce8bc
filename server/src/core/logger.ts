import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * What the log keeps of an error: its class, its code (the SQL state for a database error), the
 * schema names a database error points at, and the stack frames. Never the message: a driver's
 * message quotes the input ("invalid input syntax … \"<a name>\""), a JSON parser's quotes the body,
 * and TypeORM's QueryFailedError carries the query and its parameters, i.e. the case file. Logs
 * cannot be reached by an erasure, so nothing a person typed may land there.
 */
export interface LoggedError {
  type: string;
  code?: string;
  sqlState?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  stack?: string;
  cause?: LoggedError;
}

const maxCauseDepth = 3;
const sqlStatePattern = /^[0-9A-Z]{5}$/;
const identifierPattern = /^[A-Za-z_][A-Za-z0-9_$.]{0,62}$/;

export function serializeError(error: unknown, depth = 0): LoggedError {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const fields = error as Record<string, unknown>;
  // TypeORM wraps the pg error; the SQL state and the schema names are on the driver's error.
  const driver = (
    typeof fields.driverError === 'object' && fields.driverError !== null
      ? fields.driverError
      : fields
  ) as Record<string, unknown>;
  const isDatabaseError =
    driver !== fields || typeof driver.severity === 'string' || typeof driver.routine === 'string';
  const code = stringField(driver.code) ?? stringField(fields.code);
  const logged: LoggedError = { type: typeOf(fields) };
  if (code !== undefined) {
    if (isDatabaseError && sqlStatePattern.test(code)) logged.sqlState = code;
    else if (identifierPattern.test(code)) logged.code = code;
  }
  for (const key of ['constraint', 'table', 'column', 'routine'] as const) {
    const value = stringField(driver[key]);
    if (value !== undefined && identifierPattern.test(value)) logged[key] = value;
  }
  const stack = stackFrames(fields.stack);
  if (stack) logged.stack = stack;
  if (fields.cause !== undefined && depth < maxCauseDepth)
    logged.cause = serializeError(fields.cause, depth + 1);
  return logged;
}

/** The frames only: the first lines of a stack repeat the message. */
function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length ? frames.join('\n') : undefined;
}

function typeOf(fields: Record<string, unknown>): string {
  // pino-std-serializers has already turned the error into { type, message, stack, … }.
  const named =
    stringField(fields.type) ??
    stringField(fields.name) ??
    (fields.constructor as { name?: string } | undefined)?.name;
  return named && identifierPattern.test(named) ? named : 'Error';
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The one serializer set of every logger of the server (request log, live layer, scheduler, mailer). */
export const logSerializers = { err: serializeError };

/**
 * Every logger of the server is made here, so that every one of them (and their children: the
 * request logger, the live layer, the scheduler and the mailer get theirs from these) serializes
 * errors the same way. `destination` is for tests that read what was logged.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, serializers: logSerializers }, destination);
}
