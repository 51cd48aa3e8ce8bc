import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { failureMessage } from '../core/query/failure-wording';
import { queryKeys } from '../core/query/query-keys';
import { fetchCase, type ProjectedCase } from './case-api';

/**
 * The case the intake form starts from, read once per case through the cache: the form then owns
 * its values and the autosave writes them back, so a later read does not touch the form. A case
 * read before (on the case page) is read again first: the form must start from the stored version.
 */
export function useIntakeCase(
  routeCaseId: string | null,
  autosave: { caseId(): string | null; start(view: ProjectedCase | null): void },
) {
  // The case this form just created: the form is already on it, nothing to read.
  const isOwn = !!routeCaseId && routeCaseId === autosave.caseId();
  const caseQuery = useQuery({
    queryKey: queryKeys.case(routeCaseId ?? ''),
    queryFn: ({ signal }) => fetchCase(routeCaseId!, signal),
    enabled: !!routeCaseId && !isOwn,
    refetchOnMount: 'always',
  });
  const isFresh = caseQuery.isFetchedAfterMount && !caseQuery.isFetching;
  const [startedOn, setStartedOn] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (startedOn === routeCaseId || isOwn) return;
    if (!routeCaseId) autosave.start(null);
    else if (isFresh && caseQuery.data) autosave.start(caseQuery.data);
    else return;
    setStartedOn(routeCaseId);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- starts once per case; autosave is a new object each render
  }, [routeCaseId, isOwn, isFresh, caseQuery.data, startedOn]);
  return {
    isStarted: isOwn || startedOn === routeCaseId,
    failure: caseQuery.isError
      ? failureMessage(caseQuery.error, {
          failure: 'Laden is niet gelukt.',
          notFound: 'Deze casus bestaat niet of valt buiten uw bereik.',
        })
      : null,
  };
}
