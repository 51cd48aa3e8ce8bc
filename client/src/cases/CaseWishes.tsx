import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  Blockquote,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import { dwellingTypeLabel, type OriginException } from '@uitstroom/shared';
import { todayIsoDate } from '../core/format';
import type { RegionMunicipalities } from '../core/region';
import type { ProjectedCase } from './case-api';
import { proposalStateOf } from './case-page-parts';
import { SectionHeading } from './CaseFileSections';
import { ExceptionsEditor } from './ExceptionsEditor';
import { exceptionsResolver, toExceptionValues, type ExceptionValues } from './exceptions-form';
import { ProposalCard } from './ProposalCard';

interface WishesProps {
  view: ProjectedCase;
  region: RegionMunicipalities;
  /** Where the wishes are changed, for a reader who may. */
  editWishes?: string;
  canEdit: boolean;
  onChange(view: ProjectedCase): void;
  setNotice(notice: string | null): void;
}

/**
 * The exceptions' form lives beside the proposal, so that the proposal can follow it live: while
 * the case manager edits, the shared engine recomputes it in the browser.
 */
function useExceptionsEditing(view: ProjectedCase, region: RegionMunicipalities) {
  const [referenceDate] = useState(todayIsoDate);
  const [isEditing, setIsEditing] = useState(false);
  const context = {
    view,
    municipalities: region.municipalities,
    referenceDate,
    bindingTest: region.bindingTest,
  };
  const contextRef = useRef(context);
  contextRef.current = context;
  const [resolver] = useState(() => exceptionsResolver(() => contextRef.current));
  // Checked on "Opslaan", then again at every change; never on leaving a field, where a message
  // appearing above the next field would move it away from under a click.
  const form = useForm<ExceptionValues>({
    defaultValues: toExceptionValues(view),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const edited = useWatch({ control: form.control }) as ExceptionValues;
  const proposal = useMemo(
    () => proposalStateOf(view, isEditing ? edited : null, region, referenceDate),
    [view, isEditing, edited, region, referenceDate],
  );
  const start = () => {
    form.reset(toExceptionValues(view));
    setIsEditing(true);
  };
  return { form, referenceDate, isEditing, setIsEditing, start, proposal };
}

/** The resident's wishes and the exceptions, with the engine's proposal beside them. */
export function CaseWishes({
  view,
  region,
  editWishes,
  canEdit,
  onChange,
  setNotice,
}: WishesProps) {
  const editing = useExceptionsEditing(view, region);
  const { proposal } = editing;
  if (view.wishes === undefined && !proposal) return null;
  return (
    <div className="case-columns">
      <div className="case-columns__main">
        {view.wishes !== undefined && (
          <section className="case-card" aria-labelledby="wensen-kop">
            <SectionHeading id="wensen-kop" title="Wensen van de bewoner" edit={editWishes} />
            <Wishes wishes={view.wishes} housingNeeds={view.housingNeeds} region={region} />
          </section>
        )}
        {view.exceptions !== undefined && (
          <section className="case-card" aria-labelledby="uitzonderingen-kop">
            <Heading level={2} id="uitzonderingen-kop">
              Uitzonderingen en uitgesloten gemeenten
            </Heading>
            {editing.isEditing ? (
              <ExceptionsEditor
                form={editing.form}
                view={view}
                region={region}
                referenceDate={editing.referenceDate}
                onSaved={(saved) => {
                  onChange(saved);
                  editing.setIsEditing(false);
                  setNotice('De uitzonderingen zijn opgeslagen. Het voorstel is opnieuw berekend.');
                }}
                onCancel={() => editing.setIsEditing(false)}
                onTheirs={onChange}
              />
            ) : (
              <>
                <ExceptionsSummary
                  exceptions={view.exceptions}
                  excluded={view.excluded}
                  region={region}
                />
                {canEdit && (
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    onClick={() => {
                      editing.start();
                      setNotice(null);
                    }}
                  >
                    Uitzonderingen wijzigen
                  </Button>
                )}
              </>
            )}
          </section>
        )}
      </div>
      {proposal && (
        <div className="case-columns__side">
          <ProposalCard state={proposal} region={region} />
        </div>
      )}
    </div>
  );
}

function Wishes({
  wishes,
  housingNeeds,
  region,
}: {
  wishes: NonNullable<ProjectedCase['wishes']>;
  /** The wished and avoided wijken are housing needs; beside the proposal they are wishes. */
  housingNeeds?: ProjectedCase['housingNeeds'];
  region: RegionMunicipalities;
}) {
  const wished = housingNeeds?.wishedNeighbourhoods ?? [];
  const avoided = housingNeeds?.avoidedNeighbourhoods ?? [];
  const facts: { label: string; value: ReactNode }[] = [];
  if (wishes.municipalities?.length)
    facts.push({
      label: 'Gemeenten',
      value: (
        <OrderedList className="case-wish-list">
          {wishes.municipalities.map((code) => (
            <OrderedListItem key={code}>{region.nameOf(code)}</OrderedListItem>
          ))}
        </OrderedList>
      ),
    });
  if (wished.length) facts.push({ label: 'Gewenste wijken', value: wished.join(', ') });
  if (avoided.length) facts.push({ label: 'Wijken om te vermijden', value: avoided.join(', ') });
  if (wishes.neighbourhoodNote)
    facts.push({ label: 'Toelichting bij de wijken', value: wishes.neighbourhoodNote });
  if (wishes.dwellingType)
    facts.push({ label: 'Woningtype', value: dwellingTypeLabel[wishes.dwellingType] });
  if (!facts.length && !wishes.ownWords) return <Paragraph>Nog geen wensen vastgelegd.</Paragraph>;
  return (
    <>
      {wishes.ownWords && (
        <Blockquote className="case-own-words" aria-label="In de woorden van de bewoner">
          <Paragraph>{wishes.ownWords}</Paragraph>
        </Blockquote>
      )}
      <DataList className="case-facts">
        {facts.map((f) => (
          <DataListItem key={f.label}>
            <DataListKey>{f.label}</DataListKey>
            <DataListValue>{f.value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </>
  );
}

function ExceptionsSummary({
  exceptions,
  excluded,
  region,
}: {
  exceptions: OriginException[];
  excluded?: string[];
  region: RegionMunicipalities;
}) {
  if (!exceptions.length && !excluded?.length)
    return (
      <Paragraph>
        Geen uitzonderingen vastgelegd. De herkomstregel geldt zonder uitzondering.
      </Paragraph>
    );
  return (
    <DataList className="case-facts">
      {exceptions.map((e) => (
        <DataListItem key={e.kind}>
          <DataListKey>Uitzondering {e.kind}</DataListKey>
          <DataListValue>
            {e.kind === 'A' && 'Belemmeringen in de herkomstgemeente. '}
            {e.kind === 'B' &&
              `Betere kansen in ${region.nameOf(e.municipality)} (${e.ground === 'netwerk' ? 'steunend netwerk' : 'vaste daginvulling'}; ${e.canTravelFromOrigin ? 'wel' : 'niet'} te bereizen vanuit de herkomst). `}
            {e.kind === 'D' &&
              `Anders echt niet passend; gemeente ${region.nameOf(e.municipality)}. `}
            <q>{e.motivation}</q>
          </DataListValue>
        </DataListItem>
      ))}
      {excluded && excluded.length > 0 && (
        <DataListItem>
          <DataListKey>Uitgesloten gemeenten</DataListKey>
          <DataListValue>{excluded.map(region.nameOf).join(', ')}</DataListValue>
        </DataListItem>
      )}
    </DataList>
  );
}
