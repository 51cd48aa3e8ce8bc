import { useQuery } from '@tanstack/react-query';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import {
  assessNeighbourhoodLoad,
  neighbourhoodKey,
  type NeighbourhoodLoad,
} from '@uitstroom/shared';
import { queryKeys } from '../core/query/query-keys';
import { fetchNeighbourhoodLoad } from './placement-api';

const moves = (n: number) => (n === 1 ? '1 verhuizing' : `${n} verhuizingen`);

/**
 * The neighbourhood's load beside an offer (domain.md §4): a warning at or over the region's
 * threshold, a note when this placement would reach it, otherwise the count in one quiet line.
 */
export function NeighbourhoodLoadNote({
  load,
  municipalityName,
}: {
  load: NeighbourhoodLoad;
  municipalityName: string;
}) {
  const where = `${load.neighbourhood} (${municipalityName})`;
  if (load.level === 'atOrOverThreshold') {
    return (
      <Alert type="warning" className="placement-load placement-load--over">
        <Paragraph>{load.message}</Paragraph>
      </Alert>
    );
  }
  if (load.level === 'reachesThreshold') {
    return (
      <Alert type="info" className="placement-load placement-load--reaches">
        <Paragraph>{load.message}</Paragraph>
      </Alert>
    );
  }
  return (
    <Paragraph className="placement-load placement-load--below">
      Wijkbelasting {where}: {moves(load.placements)} in de afgelopen 12 maanden; de drempel van de
      regio is {load.threshold}.
    </Paragraph>
  );
}

/**
 * The load of one dwelling's neighbourhood, before it is offered: read for its municipality, assessed
 * here with the shared rule. The load changes only with a move: one read per municipality a minute,
 * shared by every dwelling on the page. Without it (not read yet, or refused) there is no note.
 */
export function useNeighbourhoodLoad(
  municipalityCode: string,
  neighbourhood: string,
): NeighbourhoodLoad | null {
  const { data: list } = useQuery({
    queryKey: queryKeys.neighbourhoodLoad(municipalityCode),
    queryFn: () => fetchNeighbourhoodLoad(municipalityCode),
    staleTime: 60_000,
  });
  if (!list) return null;
  const found = list.items.find(
    (item) => neighbourhoodKey(item.neighbourhood) === neighbourhoodKey(neighbourhood),
  );
  const placements = found?.placements ?? 0;
  return {
    municipalityCode,
    neighbourhood,
    placements,
    threshold: list.threshold,
    ...assessNeighbourhoodLoad(neighbourhood, placements, list.threshold),
  };
}
