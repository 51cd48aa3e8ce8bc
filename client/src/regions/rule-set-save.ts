import { ApiError } from '../core/api';

/** Why saving the rule set (as a version or as a draft) did not succeed, as the form shows it. */
export type SaveFailure =
  /** Someone else saved meanwhile: the form keeps the input and offers the newest version. */
  | { kind: 'conflict'; conflict: SaveConflict }
  /** The server refused fields of the rule set: each message goes to its field (path in the form). */
  | { kind: 'fields'; issues: { path: string; message: string }[] }
  | { kind: 'message'; message: string };

export interface SaveConflict {
  /** The version someone else saved (the base's own when the server does not say). */
  version: number;
  /** The draft was changed, published or thrown away, rather than a version saved. */
  isDraft: boolean;
}

const configPrefix = 'config.';

/** What the form does with a failed save of a rule set based on `baseVersion`. */
export function saveFailureOf(error: unknown, baseVersion: number): SaveFailure {
  if (!(error instanceof ApiError))
    return { kind: 'message', message: 'Opslaan is niet gelukt. Probeer het opnieuw.' };
  if (error.code === 'VERSION_CONFLICT') {
    const current = error.details?.['currentVersion'];
    return {
      kind: 'conflict',
      conflict: {
        version: typeof current === 'number' ? current : baseVersion,
        isDraft: typeof error.details?.['currentRevision'] === 'number',
      },
    };
  }
  const issues = error.issues
    .filter((issue) => issue.path.startsWith(configPrefix))
    .map((issue) => ({ path: issue.path.slice(configPrefix.length), message: issue.message }));
  if (error.code === 'VALIDATION_FAILED' && issues.length > 0) return { kind: 'fields', issues };
  return { kind: 'message', message: error.message };
}
