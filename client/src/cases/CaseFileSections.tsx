import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import type { CaseSectionName } from '@uitstroom/shared';
import { describeSection } from '../core/format';
import type { RegionMunicipalities } from '../core/region';
import type { ProjectedCase } from './case-api';
import type { IntakeStepSlug } from './intake-form';

/** A section's heading, with a link to change it where the reader may. */
export function SectionHeading({
  id,
  title,
  edit,
  level = 2,
}: {
  id: string;
  title: string;
  edit?: string;
  level?: 2 | 3;
}) {
  return (
    <div className="case-section-heading">
      <Heading level={level} id={id}>
        {title}
      </Heading>
      {edit && (
        <RouterLink className="utrecht-link" to={edit}>
          Wijzigen<span className="visually-hidden">: {title}</span>
        </RouterLink>
      )}
    </div>
  );
}

interface FileBlock {
  key: string;
  title: string;
  step: IntakeStepSlug;
  sections: CaseSectionName[];
  note?: string;
  extra?: ReactNode;
}

function blocksOf(view: ProjectedCase, region: RegionMunicipalities): FileBlock[] {
  return [
    {
      key: 'bewoner',
      title: 'Bewoner',
      step: 'bewoner',
      sections: ['identity', 'contact', 'household'],
    },
    { key: 'verblijf', title: 'Verblijf', step: 'verblijf', sections: ['stay'] },
    {
      key: 'adressen',
      title: 'Adresgeschiedenis en herkomst',
      step: 'adressen',
      sections: ['addresses', 'isOriginUntraceable'],
      extra:
        view.origin !== undefined ? (
          <Paragraph>
            Herkomst volgens de adressen:{' '}
            <strong>{view.origin ? region.nameOf(view.origin) : 'niet te bepalen'}</strong>
          </Paragraph>
        ) : null,
    },
    {
      key: 'woonbehoeften',
      title: 'Woonbehoeften',
      step: 'woonbehoeften',
      sections: ['housingNeeds'],
    },
    {
      key: 'ondersteuning',
      title: 'Ondersteuning',
      step: 'ondersteuning',
      sections: ['supportNeeds'],
    },
    {
      key: 'gevoelig',
      title: 'Gevoelige informatie',
      step: 'gevoelig',
      sections: ['sensitive'],
      note: 'Alleen zichtbaar voor de casemanagers van de eigen organisatie.',
    },
  ];
}

type FileCard = FileBlock & {
  facts: { key: string; label: string; value: string }[];
  isWholeBlockShown: boolean;
};

/** The blocks that have something to show this reader, each with its facts. */
function cardsOf(view: ProjectedCase, region: RegionMunicipalities): FileCard[] {
  const isShown = (s: CaseSectionName) => view[s] !== undefined;
  return blocksOf(view, region).flatMap((block) => {
    const facts = block.sections
      .filter(isShown)
      // "No" for untraceable is the default, not a fact worth a line.
      .filter((s) => !(s === 'isOriginUntraceable' && view.isOriginUntraceable === false))
      .flatMap((s) =>
        describeSection(s, view[s] as never, region.nameOf).map((f) => ({
          ...f,
          key: `${s}-${f.label}`,
        })),
      );
    // "Nothing recorded" only where the seat sees the whole block: a hidden part is not an empty one.
    const isWholeBlockShown = block.sections.every(isShown);
    return facts.length || block.extra || isWholeBlockShown
      ? [{ ...block, facts, isWholeBlockShown }]
      : [];
  });
}

/** The file's sections, read-only, each with a link to its intake step. Absent sections render nothing. */
export function CaseFileSections({
  view,
  region,
  editLink,
}: {
  view: ProjectedCase;
  region: RegionMunicipalities;
  editLink?: (step: IntakeStepSlug) => string;
}) {
  const cards = cardsOf(view, region);
  if (!cards.length) return null;
  return (
    <section className="case-file" aria-labelledby="dossier-kop">
      <Heading level={2} id="dossier-kop">
        Dossier
      </Heading>
      <div className="case-file__grid">
        {cards.map((card) => (
          <FileCardSection key={card.key} card={card} edit={editLink?.(card.step)} />
        ))}
      </div>
    </section>
  );
}

function FileCardSection({ card, edit }: { card: FileCard; edit?: string }) {
  const headingId = `dossier-${card.key}`;
  return (
    <section className="case-card" aria-labelledby={headingId}>
      <SectionHeading id={headingId} level={3} title={card.title} edit={edit} />
      {card.note && <Paragraph className="case-card__note">{card.note}</Paragraph>}
      {card.extra}
      {card.facts.length ? (
        <DataList className="case-facts">
          {card.facts.map((f) => (
            <DataListItem key={f.key}>
              <DataListKey>{f.label}</DataListKey>
              <DataListValue>{f.value}</DataListValue>
            </DataListItem>
          ))}
        </DataList>
      ) : (
        card.isWholeBlockShown && (
          <Paragraph className="case-card__empty">Nog niets vastgelegd.</Paragraph>
        )
      )}
    </section>
  );
}
