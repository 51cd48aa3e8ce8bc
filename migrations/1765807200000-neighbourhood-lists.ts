import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 26: the wijken a resident wishes for or avoids become lists of wijk names in the housing
 * needs (`housingNeeds.wishedNeighbourhoods`, `housingNeeds.avoidedNeighbourhoods`, text arrays in
 * the case's sections), part of the housing profile and weighed by the dwelling fit. What was typed
 * as free text before (`wishes.neighbourhoods`) is kept as a note (`wishes.neighbourhoodNote`) and
 * never turned into a list: "niet de Zuiderzeewijk" must not become a wish for it. The case
 * manager picks the wijken from the list at the next edit. Neither the version nor the activity of
 * a case changes: nothing about the resident changed, only where the text is kept.
 */
export class NeighbourhoodLists1765807200000 implements MigrationInterface {
  name = 'NeighbourhoodLists1765807200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE case_file
         SET sections = jsonb_set(sections #- '{wishes,neighbourhoods}', '{wishes,neighbourhoodNote}', sections #> '{wishes,neighbourhoods}')
       WHERE jsonb_typeof(sections #> '{wishes,neighbourhoods}') = 'string';
      UPDATE case_file
         SET sections = sections #- '{wishes,neighbourhoods}'
       WHERE sections #> '{wishes,neighbourhoods}' IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // The note goes back to where it was; the lists have no free-text form and are dropped.
    await db.query(`
      UPDATE case_file
         SET sections = jsonb_set(sections #- '{wishes,neighbourhoodNote}', '{wishes,neighbourhoods}', sections #> '{wishes,neighbourhoodNote}')
       WHERE jsonb_typeof(sections #> '{wishes,neighbourhoodNote}') = 'string';
      UPDATE case_file
         SET sections = sections #- '{housingNeeds,wishedNeighbourhoods}' #- '{housingNeeds,avoidedNeighbourhoods}'
       WHERE sections ? 'housingNeeds';
    `);
  }
}
