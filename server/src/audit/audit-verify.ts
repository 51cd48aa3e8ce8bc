/** A broken link in one chain of the audit log: the first row of that chain that does not hold. */
export interface BrokenLink {
  chain: string;
  id: string;
  problem: string;
}

export interface AuditVerification {
  chains: number;
  rows: number;
  broken: BrokenLink[];
}

type Queryable = { query(sql: string, params?: unknown[]): Promise<unknown> };
const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? result : (result as { rows: T[] }).rows;

/**
 * Recomputes every chain of the audit log in the database (`audit_log_verify()`, the same hash
 * function the insert trigger uses) and returns the first broken link of each broken chain.
 */
export async function verifyAuditLog(db: Queryable): Promise<AuditVerification> {
  const [counts] = rowsOf<{ chains: number; rows: number }>(
    await db.query(
      'SELECT count(DISTINCT chain)::int AS chains, count(*)::int AS rows FROM audit_log',
    ),
  );
  const broken = rowsOf<BrokenLink>(
    await db.query('SELECT chain, id::text AS id, problem FROM audit_log_verify() ORDER BY id'),
  );
  return { chains: counts!.chains, rows: counts!.rows, broken };
}
