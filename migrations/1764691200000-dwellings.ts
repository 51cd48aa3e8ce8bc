import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoleName } from './app-role';

/**
 * Dwellings and contingents: what the corporations bring to the table (issue 11).
 *
 * A dwelling belongs to a corporation's organisation and lies in a municipality of its region; it
 * is never deleted, only withdrawn with a reason (the app role has no DELETE on it), so that what a
 * case was once offered stays explainable. Within one corporation an address is one dwelling while
 * it is not withdrawn (a partial unique index: a re-import cannot double it). `version` guards
 * every write, as on cases.
 *
 * A contingent is one corporation × municipality × year, with the number promised (NULL: no number
 * agreed yet, as under the Akkoord of 2021).
 */
export class Dwellings1764691200000 implements MigrationInterface {
  name = 'Dwellings1764691200000';

  async up(db: QueryRunner): Promise<void> {
    const app = appRoleName();
    await db.query(`
      CREATE TABLE dwelling (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        municipality_code char(6) NOT NULL REFERENCES municipality(code),
        street text NOT NULL CHECK (length(trim(street)) BETWEEN 1 AND 200),
        house_number text NOT NULL CHECK (house_number ~ '^[1-9][0-9]{0,4}([ -]?[a-zA-Z0-9]{1,6})?$'),
        postcode char(7) NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
        -- Postcode and house number without spaces, dashes or case: the address as one key.
        address_key text NOT NULL,
        neighbourhood text NOT NULL CHECK (length(trim(neighbourhood)) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('studio', 'apartment', 'groundFloorHome', 'house', 'room')),
        rooms smallint NOT NULL CHECK (rooms BETWEEN 0 AND 10),
        rent numeric(7, 2) NOT NULL CHECK (rent >= 0 AND rent <= 5000),
        floor smallint NOT NULL CHECK (floor BETWEEN -1 AND 60),
        has_lift boolean NOT NULL,
        is_wheelchair_accessible boolean NOT NULL,
        accessibility_notes text CHECK (length(accessibility_notes) <= 500),
        available_from date NOT NULL,
        tenancy_form text NOT NULL CHECK (tenancy_form IN ('regular', 'viaProvider', 'viaMunicipality', 'housingFirst', 'temporary', 'clustered', 'unconventional')),
        conversion_date date,
        conversion_conditions text CHECK (length(conversion_conditions) <= 1000),
        status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'withdrawn')),
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES app_user(id),
        withdrawal_reason text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NOT NULL REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A regular tenancy is in the resident's name from the start: nothing converts.
        CHECK (tenancy_form <> 'regular' OR (conversion_date IS NULL AND conversion_conditions IS NULL)),
        CHECK (conversion_date IS NULL OR conversion_date >= available_from),
        CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
        CHECK (status <> 'withdrawn' OR length(trim(coalesce(withdrawal_reason, ''))) >= 10)
      );
      CREATE UNIQUE INDEX dwelling_one_address_per_corporation ON dwelling(organisation_id, address_key) WHERE status <> 'withdrawn';
      CREATE INDEX dwelling_organisation_idx ON dwelling(organisation_id, status, available_from);
      -- The corporation's reach of searching cases asks: an active dwelling of ours in this municipality?
      CREATE INDEX dwelling_municipality_idx ON dwelling(municipality_code, organisation_id) WHERE status = 'available';
      REVOKE DELETE, TRUNCATE ON dwelling FROM ${app};

      CREATE TABLE contingent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        municipality_code char(6) NOT NULL REFERENCES municipality(code),
        year smallint NOT NULL CHECK (year BETWEEN 2020 AND 2100),
        promised integer CHECK (promised BETWEEN 0 AND 10000),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contingent_one_per_year UNIQUE (organisation_id, municipality_code, year)
      );
      CREATE INDEX contingent_region_year_idx ON contingent(region_id, year);
      CREATE INDEX contingent_municipality_idx ON contingent(municipality_code, year);
      REVOKE DELETE, TRUNCATE ON contingent FROM ${app};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE contingent; DROP TABLE dwelling;');
  }
}
