import { use, useMemo } from 'react';
import { z } from 'zod';
import {
  nameMunicipality,
  regionOverviewSchema,
  ruleSetDefaults,
  type RegionMunicipality,
  regionOrganisationSchema,
  type RegionOrganisation,
  type RegionOverview,
  type TargetGroup,
} from '@uitstroom/shared';
import { useMe } from './session';
import { apiClient, request } from './api';

export interface RegionMunicipalities {
  readonly municipalities: readonly RegionMunicipality[];
  /** The region's target groups (the Akkoord of the region names which). */
  readonly targetGroups: readonly TargetGroup[];
  readonly youthAgeBand: RegionOverview['youthAgeBand'];
  /** The region's minimum-binding test (null: none, or not loaded); live proposals use it as the server does. */
  readonly bindingTest: RegionOverview['bindingTest'];
  readonly stalledCaseDays: number | null;
  /** Days from "uitstroomgereed" to a dwelling before the waiting clock is flagged (the region's rule set). */
  readonly waitingTargetDays: number;
  /** Set when the region could not be loaded: the pages say so, and show codes instead of names. */
  readonly loadError: string | null;
  /** The name of a municipality of the region; a code outside it is shown as the code. */
  nameOf(code: string | null | undefined): string;
  isInRegion(code: string): boolean;
}

type Loaded = { ok: true; region: RegionOverview } | { ok: false; message: string };

// One request per region and page load: every case page reads the same municipalities.
const cache = new Map<string, Promise<Loaded>>();

function loadRegion(regionId: string): Promise<Loaded> {
  let promise = cache.get(regionId);
  if (!promise) {
    promise = request(apiClient.GET('/api/region'), { schema: regionOverviewSchema })
      .then((region): Loaded => ({ ok: true, region }))
      // Kept for this page load (a reload asks again): asking at every render would never settle.
      .catch((): Loaded => ({
        ok: false,
        message: 'De gemeenten van uw regio konden niet worden geladen; laad de pagina opnieuw.',
      }));
    cache.set(regionId, promise);
  }
  return promise;
}

/**
 * The signed-in user's region: its municipalities (code, name, population) and target groups,
 * from `GET /api/region`. Suspends until loaded: the case routes sit inside a Suspense boundary.
 */
export function useRegionMunicipalities(): RegionMunicipalities {
  const me = useMe();
  const loaded = use(loadRegion(me.region.id));
  return useMemo(() => {
    const municipalities: readonly RegionMunicipality[] = loaded.ok
      ? loaded.region.municipalities
      : [];
    const codes = new Set(municipalities.map((m) => m.code));
    return {
      municipalities,
      targetGroups: loaded.ok ? loaded.region.targetGroups : [],
      stalledCaseDays: loaded.ok ? loaded.region.stalledCaseDays : null,
      // A region without a rule set yet (or not loaded) flags by the product's default.
      waitingTargetDays:
        (loaded.ok ? loaded.region.waitingTargetDays : null) ?? ruleSetDefaults.waitingTargetDays,
      youthAgeBand: loaded.ok ? loaded.region.youthAgeBand : null,
      bindingTest: loaded.ok ? loaded.region.bindingTest : null,
      loadError: loaded.ok ? null : loaded.message,
      isInRegion: (code) => codes.has(code),
      nameOf: (code) => {
        if (!code) return '—';
        return codes.has(code)
          ? nameMunicipality(code, municipalities)
          : `${code} (buiten de regio)`;
      },
    };
  }, [loaded]);
}

/** The organisations of the signed-in user's region (to share with, to invite, to name a corporation). */
export function fetchRegionOrganisations(signal?: AbortSignal): Promise<RegionOrganisation[]> {
  return request(apiClient.GET('/api/region/organisations', { signal }), {
    schema: z.array(regionOrganisationSchema),
  });
}
