import { auditSearchQuerySchema } from './access-log.schemas';
import { toErrorIssues } from '../validation';

const uuid = '3f0e8a52-1c4b-4d7e-9a51-6f2b8c0d1e23';

describe('the audit search query', () => {
  it('fills the defaults and normalises a pseudonym', () => {
    expect(auditSearchQuerySchema.parse({})).toEqual({ page: 1, pageSize: 25 });
    expect(
      auditSearchQuerySchema.parse({ pseudonym: ' r-7k2m9qxa ', page: '3', pageSize: '100' }),
    ).toEqual({ pseudonym: 'R-7K2M9QXA', page: 3, pageSize: 100 });
    expect(
      auditSearchQuerySchema.parse({
        from: '2026-03-01',
        to: '2026-03-01',
        caseId: uuid,
        userId: uuid,
        organisationId: uuid,
        action: 'case.read',
      }),
    ).toMatchObject({ from: '2026-03-01', to: '2026-03-01', action: 'case.read' });
  });

  it.each([
    [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
    [{ from: '2026-02-30' }, 'from'],
    [{ to: '1-3-2026' }, 'to'],
    [{ caseId: 'abc' }, 'caseId'],
    [{ userId: '' }, 'userId'],
    [{ organisationId: `${uuid}x` }, 'organisationId'],
    [{ pseudonym: 'Jansen' }, 'pseudonym'],
    [{ action: 'case.delete' }, 'action'],
    [{ page: '0' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ pageSize: '1000' }, 'pageSize'],
    [{ pageSize: 'veel' }, 'pageSize'],
    [{ q: 'Jansen' }, 'q'],
  ])('refuses %j at %s', (input, path) => {
    const result = auditSearchQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(toErrorIssues(result.error!).map((i) => i.path)).toContain(path);
  });
});
