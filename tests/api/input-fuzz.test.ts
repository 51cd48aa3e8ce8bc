import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { errorBodySchema, type ErrorBody } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Bad input against every write operation of the API description, as five seats, on real ids:
 * NUL and lone surrogates in every text, year 0 and days that do not exist in every date, a
 * broken gzip body, the same in path and query values, and in the two uploads. What must hold:
 * never a 5xx, every answer in the error shape, a 400 names every probed field, and no row of
 * the database changes.
 */

let t: TestApp;
let document: OpenApiDocument;
let agents: Record<Seat, request.Agent>;
let ids: Record<string, string>;

// The three seats of the acceptance check, and the two that hold the remaining write grants
// (rule sets and users; follow-up support), so that every body is parsed by some seat.
const seats = {
  casemanager: 'regisseur@kwintes.demo',
  chair: 'voorzitter@almere.demo',
  corporation: 'corporatie@centrada.demo',
  regionAdmin: 'beheer@flevoland.demo',
  provider: 'aanbieder@leger-des-heils.demo',
} as const;
type Seat = keyof typeof seats;

interface Probe {
  name: string;
  text: string;
  date: string;
  dateTime: string;
}
const probes: Probe[] = [
  { name: 'NUL', text: 'a\u0000b', date: '0000-00-00', dateTime: '0000-01-01T10:00:00Z' },
  {
    name: 'lone high surrogate',
    text: 'a\uD800b',
    date: '0000-01-01',
    dateTime: '2026-02-30T10:00:00Z',
  },
  {
    name: 'lone low surrogate',
    text: '\uDC00',
    date: '2026-02-30',
    dateTime: '0000-01-01T00:00:00+01:00',
  },
];

// Real records of the demo regions, by the path parameter's name.
const idQueries: Record<string, string> = {
  // A case of the case manager's own organisation (Kwintes) with a consent: its writes get past the row scope.
  caseId: `SELECT c.case_id::text AS id FROM case_consent c JOIN case_file f ON f.id = c.case_id
    WHERE f.owner_organisation_id = (SELECT id FROM organisation WHERE name = 'Kwintes') ORDER BY f.created_at, c.id LIMIT 1`,
  consentId: `SELECT c.id::text FROM case_consent c JOIN case_file f ON f.id = c.case_id
    WHERE f.owner_organisation_id = (SELECT id FROM organisation WHERE name = 'Kwintes') ORDER BY f.created_at, c.id LIMIT 1`,
  checkId: 'SELECT id::text FROM follow_up_check LIMIT 1',
  contingentId: 'SELECT id::text FROM contingent LIMIT 1',
  documentId: 'SELECT id::text FROM case_document LIMIT 1',
  dwellingId: 'SELECT id::text FROM dwelling LIMIT 1',
  itemId: 'SELECT id::text FROM agenda_item LIMIT 1',
  tableId: 'SELECT id::text FROM outflow_table LIMIT 1',
  notificationId: 'SELECT id::text FROM notification LIMIT 1',
  preconditionId: 'SELECT id::text FROM precondition LIMIT 1',
  userId: "SELECT id::text FROM app_user WHERE email = 'gemeente@lelystad.demo'",
};

beforeAll(async () => {
  t = await startTestApp();
  document = (await request(t.app).get('/api/openapi.json')).body as OpenApiDocument;
  agents = Object.fromEntries(
    await Promise.all(
      Object.entries(seats).map(async ([seat, email]) => [seat, await t.signIn(email)]),
    ),
  ) as Record<Seat, request.Agent>;
  ids = {};
  for (const [name, sql] of Object.entries(idQueries)) {
    const [row] = await t.db.query(sql);
    ids[name] = row?.id ?? randomUUID();
  }
});
afterAll(async () => {
  await t.close();
});

// ---- the API description ----
interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  nullable?: boolean;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: boolean | number;
  additionalProperties?: boolean | JsonSchema;
}
interface Operation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface WriteOperation {
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operation: Operation;
}

function writeOperations(): WriteOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => method !== 'get')
      .map(([method, operation]) => ({
        method: method as WriteOperation['method'],
        path,
        operation,
      })),
  );
}

function resolve(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  return resolve(document.components!.schemas![schema.$ref.replace('#/components/schemas/', '')]!);
}

/**
 * A value for the schema with the probe in every text and every date; `probed` collects the paths
 * of those leaves. Enums, patterns of codes, numbers and booleans get a plausible valid value, so
 * that each field is judged on the probe alone.
 */
function probeValue(raw: JsonSchema, probe: Probe, path: string, probed: string[]): unknown {
  const schema = resolve(raw);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants)
    return probeValue(
      variants.find((v) => resolve(v).type !== 'null') ?? variants[0]!,
      probe,
      path,
      probed,
    );
  if (schema.allOf) return probeValue(schema.allOf[0]!, probe, path, probed);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (schema.enum) return schema.enum[0];
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {}))
        value[key] = probeValue(property, probe, path ? `${path}.${key}` : key, probed);
      return value;
    }
    case 'array':
      return schema.items ? [probeValue(schema.items, probe, `${path}.0`, probed)] : [];
    case 'integer':
    case 'number':
      return schema.minimum !== undefined ? schema.minimum + (schema.exclusiveMinimum ? 1 : 0) : 1;
    case 'boolean':
      return true;
    case 'string':
      probed.push(path);
      if (schema.format === 'date') return probe.date;
      if (schema.format === 'date-time') return probe.dateTime;
      if (schema.format === 'uuid') return `${ids.caseId!.slice(0, 8)}${probe.text}`;
      if (schema.format === 'email') return `a${probe.text}@kwintes.demo`;
      return probe.text;
    default:
      probed.push(path);
      return probe.text;
  }
}

/** encodeURIComponent, except that a lone surrogate is sent as the three bytes a careless encoder writes (WTF-8). */
function encode(value: string): string {
  return value
    .split(/([\uD800-\uDFFF])/u)
    .map((part) => {
      if (!/^[\uD800-\uDFFF]$/u.test(part)) return encodeURIComponent(part);
      const unit = part.charCodeAt(0);
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

function pathWith(
  operation: WriteOperation,
  override?: { name: string; value: string },
  query: Record<string, unknown> = {},
): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encode(override?.name === name ? override.value : (ids[name] ?? randomUUID())),
  );
  const search = Object.entries(query)
    .map(([key, value]) => `${encode(key)}=${encode(String(value))}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

function send(seat: Seat, method: WriteOperation['method'], url: string) {
  return agents[seat][method](url);
}

interface Answer {
  seat: Seat;
  what: string;
  status: number;
  body: unknown;
  probed?: string[];
}
const answers: Answer[] = [];

function judge(answer: Answer): string[] {
  const problems: string[] = [];
  const label = `${answer.seat} ${answer.what} → ${answer.status}`;
  if (answer.status >= 500) problems.push(`${label}: a 5xx`);
  const parsed = errorBodySchema.safeParse(answer.body);
  if (answer.status < 400 || !parsed.success) {
    problems.push(
      `${label}: not in the error shape (${JSON.stringify(answer.body).slice(0, 200)})`,
    );
    return problems;
  }
  if (answer.status === 400 && answer.probed) {
    // Every probed field is refused at its own path (or, inside a union, at the union's path).
    const paths = (parsed.data as ErrorBody).error.issues.map((issue) => issue.path);
    for (const field of answer.probed) {
      if (!paths.some((path) => path === field || field.startsWith(`${path}.`) || path === ''))
        problems.push(`${label}: nothing said at ${field}`);
    }
  }
  return problems;
}

/** Every table's rows as one digest (as the owner, who reads them all). Sessions change by signing in, not by these requests. */
async function checksum(): Promise<Record<string, string>> {
  const owner = new Client({ connectionString: t.databaseUrls.ownerUrl });
  await owner.connect();
  try {
    const { rows: tables } = await owner.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('session', 'socket_io_attachments', 'audit_denied_claim') ORDER BY 1",
    );
    // A refusal is itself audited (access.denied, deduplicated through audit_denied_claim): those rows
    // record the probes, they are not a change the probes made.
    const rowsOf = (name: string) =>
      name === 'audit_log'
        ? `(SELECT * FROM audit_log WHERE action <> 'access.denied')`
        : `"${name}"`;
    const sums: Record<string, string> = {};
    for (const { name } of tables) {
      const {
        rows: [row],
      } = await owner.query<{ sum: string }>(
        `SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS sum FROM ${rowsOf(name)} x`,
      );
      sums[name] = row!.sum;
    }
    return sums;
  } finally {
    await owner.end();
  }
}

// A gzip header followed by bytes that are no deflate stream.
const brokenGzip = Buffer.concat([
  Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]),
  Buffer.from('dit is geen deflate-stroom'),
]);

describe('bad input against every write operation, as five seats', () => {
  it('never answers 5xx, always in the error shape, at the probed fields, and changes no row', async () => {
    const before = await checksum();
    const operations = writeOperations();
    expect(operations.length).toBeGreaterThan(50);

    for (const operation of operations) {
      const contentTypes = Object.keys(operation.operation.requestBody?.content ?? {});
      const isJson = contentTypes.length === 0 || contentTypes.includes('application/json');
      const jsonSchema = operation.operation.requestBody?.content['application/json']?.schema;
      const queryParameters = (operation.operation.parameters ?? []).filter(
        (p) => p.in === 'query',
      );
      const pathParameters = (operation.operation.parameters ?? []).filter((p) => p.in === 'path');

      for (const seat of Object.keys(seats) as Seat[]) {
        const requests: Promise<Answer>[] = [];
        for (const probe of probes) {
          // The body (or, for a route without one, a body it must refuse), with real ids in the path.
          const probed: string[] = [];
          const query = Object.fromEntries(
            queryParameters.map((p) => [p.name, probeValue(p.schema, probe, p.name, probed)]),
          );
          if (isJson) {
            const body = (jsonSchema ? probeValue(jsonSchema, probe, '', probed) : {}) as Record<
              string,
              unknown
            >;
            // A body without text or dates (a version, a choice) gets the probe as a key it must refuse.
            if (probed.length === queryParameters.length) {
              body.probe = probe.text;
              probed.push('probe');
            }
            requests.push(
              send(seat, operation.method, pathWith(operation, undefined, query))
                .send(body as object)
                .then((r) => ({
                  seat,
                  what: `${operation.method} ${operation.path} (${probe.name} in the body)`,
                  status: r.status,
                  body: r.body,
                  probed,
                })),
            );
          } else if (operation.path === '/api/dwellings/import') {
            const csv = `straat;huisnummer;postcode;gemeente;type;kamers;huur;beschikbaar vanaf\nDorpsstraat${probe.text};1;1315 AB;Almere;Appartement;2;612,50;01-01-0000\n`;
            requests.push(
              send(seat, operation.method, pathWith(operation))
                .set('Content-Type', 'text/csv')
                .send(Buffer.from(csv, 'utf8'))
                .then((r) => ({
                  seat,
                  what: `${operation.method} ${operation.path} (${probe.name} and 01-01-0000 in the CSV)`,
                  status: r.status,
                  body: r.body,
                })),
            );
          } else {
            requests.push(
              send(seat, operation.method, pathWith(operation, undefined, query))
                .set('Content-Type', contentTypes[0]!)
                .send(Buffer.from('%PDF-1.4\n%%EOF\n'))
                .then((r) => ({
                  seat,
                  what: `${operation.method} ${operation.path} (${probe.name} in the query)`,
                  status: r.status,
                  body: r.body,
                  probed,
                })),
            );
          }
          // The probe in each path parameter.
          for (const parameter of pathParameters) {
            requests.push(
              send(
                seat,
                operation.method,
                pathWith(operation, { name: parameter.name, value: probe.text }),
              )
                .send({})
                .then((r) => ({
                  seat,
                  what: `${operation.method} ${operation.path} (${probe.name} as ${parameter.name})`,
                  status: r.status,
                  body: r.body,
                })),
            );
          }
        }
        // A broken gzip body of the route's own type.
        requests.push(
          send(seat, operation.method, pathWith(operation))
            .set('Content-Type', isJson ? 'application/json' : contentTypes[0]!)
            .set('Content-Encoding', 'gzip')
            .send(brokenGzip)
            .then((r) => ({
              seat,
              what: `${operation.method} ${operation.path} (broken gzip)`,
              status: r.status,
              body: r.body,
            })),
        );
        answers.push(...(await Promise.all(requests)));
      }
    }

    const problems = answers.flatMap(judge);
    expect(problems).toEqual([]);
    expect(await checksum()).toEqual(before);
    // The deep probes did reach the schemas: most answers are 400s naming the probed fields.
    const refusedAtField = answers.filter((a) => a.status === 400 && a.probed?.length).length;
    expect(refusedAtField).toBeGreaterThan(100);
    // About 15 s alone on this machine (57 operations × 5 seats, some 1,800 requests); no time assertion, which a loaded machine would make flaky.
  }, 120_000);

  it('a broken gzip body is a 400 in the error shape, signed in or not', async () => {
    const response = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(brokenGzip);
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(response.body).error.code).toBe('MALFORMED_JSON');
  });
});
