import type { DataSource } from 'typeorm';

export interface LiveSession {
  userId: string | null;
  authenticatedAt: number | null;
}

/**
 * The sessions among these that are still alive in the store (not signed out, not idled out), with
 * the user and sign-in time they carry. The same rows and expiry the HTTP session middleware reads.
 */
export async function findLiveSessions(
  db: DataSource,
  sessionIds: readonly string[],
): Promise<Map<string, LiveSession>> {
  if (sessionIds.length === 0) return new Map();
  const rows: { sid: string; user_id: string | null; authenticated_at: string | null }[] =
    await db.query(
      `SELECT sid, sess->>'userId' AS user_id, sess->>'authenticatedAt' AS authenticated_at
       FROM session WHERE sid = ANY($1) AND expire >= now()`,
      [[...new Set(sessionIds)]],
    );
  return new Map(
    rows.map((r) => [
      r.sid,
      {
        userId: r.user_id,
        authenticatedAt: r.authenticated_at === null ? null : Number(r.authenticated_at),
      },
    ]),
  );
}
