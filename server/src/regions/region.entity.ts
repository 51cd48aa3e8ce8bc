import { EntitySchema } from 'typeorm';
import type { OrganisationKind } from '@uitstroom/shared';

export interface Region {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
}
export interface Municipality {
  code: string;
  regionId: string;
  name: string;
  population: number;
  populationYear: number;
}
export interface Organisation {
  id: string;
  regionId: string;
  kind: OrganisationKind;
  name: string;
  municipalityCode: string | null;
  createdAt: Date;
}

// EntitySchema rather than decorators: no reflect-metadata, and the same file loads under tsx, jest and tsc.
export const RegionEntity = new EntitySchema<Region>({
  name: 'Region',
  tableName: 'region',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    slug: { type: 'text' },
    name: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const MunicipalityEntity = new EntitySchema<Municipality>({
  name: 'Municipality',
  tableName: 'municipality',
  columns: {
    code: { type: 'char', length: 6, primary: true },
    regionId: { type: 'uuid', name: 'region_id' },
    name: { type: 'text' },
    population: { type: 'integer' },
    populationYear: { type: 'smallint', name: 'population_year' },
  },
});

export const OrganisationEntity = new EntitySchema<Organisation>({
  name: 'Organisation',
  tableName: 'organisation',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    regionId: { type: 'uuid', name: 'region_id' },
    kind: { type: 'text' },
    name: { type: 'text' },
    municipalityCode: { type: 'char', length: 6, name: 'municipality_code', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
