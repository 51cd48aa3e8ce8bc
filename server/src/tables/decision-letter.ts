import {
  caseOutcomeLabel,
  defaultObjectionProcedure,
  formatDutchDate,
  type CaseAddress,
  type CaseOutcome,
  type CaseSections,
  type DecisionLetter,
  type RuleSetMunicipality,
} from '@uitstroom/shared';

export interface LetterFacts {
  firstName: string;
  /** The resident's name and where the letter reaches them (a postal address, else the facility). */
  addressBlock: string[];
  /** How to object, from the destination municipality's entry in the rule set, or the default. */
  objectionProcedure: string;
  rule: string;
  destinationName: string | null;
  originName: string | null;
  motivation: string | null;
  /** The Dutch day of the decision (on or after the table's own date). */
  decisionDate: string;
  ownerName: string;
  ownerOrganisation: string;
  preconditions: { description: string; ownerName: string; dueDate: string }[];
  followUpProvider: string | null;
  outcome: CaseOutcome | null;
}

/**
 * The decision letter for the resident, in plain Dutch (B1): where you will live and why, what
 * happens next, whom to call, how to object. Paragraphs, so the client and a PDF can lay it out.
 */
export function decisionLetter(f: LetterFacts): DecisionLetter {
  const head = { addressBlock: f.addressBlock, date: f.decisionDate };
  const why: Record<string, string> = {
    herkomst: `U woonde voor uw opname in ${f.originName ?? 'deze gemeente'}. De afspraak in onze regio is dat u dan teruggaat naar die gemeente.`,
    A: 'In uw vorige woonplaats is het voor u niet goed om opnieuw te beginnen. Daarom zoeken we een andere gemeente.',
    B: `In ${f.destinationName ?? 'deze gemeente'} heeft u iets dat u helpt: mensen om u heen of vast werk of dagbesteding. Dat kunt u vanuit uw vorige woonplaats niet goed bereiken.`,
    C: 'We konden niet vaststellen waar u voor uw opname woonde. Dan verdelen de gemeenten in de regio de plekken eerlijk, naar het aantal inwoners.',
    D: 'De tafel vond de gewone afspraak voor u niet passend en heeft daarom anders besloten.',
  };
  if (f.rule === 'buiten_regio') {
    return {
      ...head,
      title: 'Besluit van de Uitstroomtafel',
      paragraphs: [
        `Beste ${f.firstName},`,
        `Op ${formatDutchDate(f.decisionDate)} heeft de Uitstroomtafel over uw woning besloten.`,
        'U woonde voor uw opname buiten onze regio. De afspraak is dat de regio waar u vandaan komt u dan helpt aan een woning. Wij hebben uw gegevens, met uw toestemming, aan die regio doorgegeven.',
        `Heeft u vragen? Bel of mail uw casemanager ${f.ownerName} (${f.ownerOrganisation}).`,
        f.objectionProcedure,
      ],
    };
  }
  return {
    ...head,
    title: 'Besluit van de Uitstroomtafel',
    paragraphs: [
      `Beste ${f.firstName},`,
      `Op ${formatDutchDate(f.decisionDate)} heeft de Uitstroomtafel over uw woning besloten. Aan deze tafel zitten de gemeenten, de woningcorporaties en de zorgaanbieders van de regio.`,
      `Besluit: u gaat wonen in ${f.destinationName ?? 'een gemeente in de regio'}.`,
      `Waarom? ${why[f.rule] ?? ''}${f.motivation && f.rule !== 'A' ? ` ${f.motivation}` : ''}`,
      'Wat gebeurt er nu? Een woningcorporatie zoekt een woning die bij u past. Als er een woning is, hoort u dat van uw casemanager. U mag de woning eerst bekijken.',
      ...(f.preconditions.length
        ? [
            `Voordat u verhuist, wordt dit geregeld: ${f.preconditions.map((p) => `${p.description} (door ${p.ownerName}, uiterlijk ${formatDutchDate(p.dueDate)})`).join('; ')}.`,
          ]
        : []),
      ...(f.followUpProvider
        ? [`Na de verhuizing krijgt u begeleiding van ${f.followUpProvider}.`]
        : []),
      `Heeft u vragen? Bel of mail uw casemanager ${f.ownerName} (${f.ownerOrganisation}).`,
      f.objectionProcedure,
      ...(f.outcome ? [`Status: ${caseOutcomeLabel[f.outcome]}.`] : []),
    ],
  };
}

const addressPreference: Record<CaseAddress['kind'], number> = {
  briefadres: 0,
  instelling: 1,
  woonadres: 2,
};

/**
 * The envelope's window: the resident's name, then the current address (one without an end date; a
 * briefadres before the facility, the facility before a home) with its municipality, else "p/a" the
 * facility the resident stays in. Read from the owning case manager's own file, the only seat the
 * letter is for, so a women's-shelter address never reaches anyone else this way.
 */
export function letterAddressBlock(
  sections: Partial<Pick<CaseSections, 'identity' | 'addresses' | 'stay'>>,
  municipalityName: (code: string) => string,
): string[] {
  const name = [sections.identity?.firstName, sections.identity?.lastName]
    .filter(Boolean)
    .join(' ');
  const current = (sections.addresses ?? [])
    .filter((a) => !a.to && a.street)
    .sort(
      (a, b) => addressPreference[a.kind] - addressPreference[b.kind] || (a.from < b.from ? 1 : -1),
    )[0];
  if (current) return [name, current.street!, municipalityName(current.municipality)];
  return sections.stay?.facility ? [name, `p/a ${sections.stay.facility}`] : [name];
}

/** The destination municipality's own objection procedure from the rule set, or the general one. */
export function objectionProcedureFor(municipality: RuleSetMunicipality | undefined): string {
  if (!municipality)
    return 'Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken bij de gemeente die het besluit uitvoert. Uw casemanager helpt u daarbij.';
  return municipality.objectionProcedure ?? defaultObjectionProcedure(municipality.name);
}
