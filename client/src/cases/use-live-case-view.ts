import { useEffect, useRef, useState } from 'react';
import { useMe } from '../core/session';
import { useLiveCase, describeLiveChange } from '../live';
import type { ProjectedCase } from './case-api';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import { invalidateCaseParts, setCaseView } from './case-queries';

/**
 * The open case follows what happens to it: another seat's change arrives without a reload, as
 * this seat may see it (typed input is not in the cached view and stays as it is), and whenever
 * the case moves to a new version (here or elsewhere) what is read beside it is read again.
 */
export function useLiveCaseView(caseId: string | undefined, view: ProjectedCase | undefined) {
  const me = useMe();
  const [isGone, setIsGone] = useState(false);
  const [liveNote, setLiveNote] = useState<string | null>(null);

  // A new version: the placement, the support, the documents and the decision are read again.
  const version = view?.version;
  const seenVersion = useRef(version);
  useEffect(() => {
    if (!caseId || version === undefined || seenVersion.current === version) return;
    const isFirst = seenVersion.current === undefined;
    seenVersion.current = version;
    if (!isFirst) void invalidateCaseParts(caseId);
  }, [caseId, version]);

  const viewRef = useRef(view);
  viewRef.current = view;
  useLiveCase(caseId, {
    onChange: (next, changedBy) => {
      const current = viewRef.current;
      if (!caseId || (current && (next.version ?? 0) < (current.version ?? 0))) return;
      const isOwn = changedBy?.userId === me.user.id;
      if (current && next.version !== current.version && !isOwn)
        setLiveNote(describeLiveChange('deze casus', changedBy));
      setCaseView(caseId, next);
      // Others' changes: the documents and the rest, which the view does not carry, are read again.
      if (!isOwn) void invalidateCaseParts(caseId);
    },
    onGone: () => setIsGone(true),
    // Events may have been missed while disconnected: the case and all read beside it, again.
    onResync: () => {
      if (caseId) void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
    },
  });
  return { isGone, liveNote };
}
