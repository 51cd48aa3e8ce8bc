import { useEffect, useRef, useState } from 'react';
import { useFormState, useWatch, get, type UseFormReturn } from 'react-hook-form';
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  SelectOption,
} from '@utrecht/component-library-react';
import { SelectField } from '../core/form';
import { asVersionConflict, updateCase, type ProjectedCase } from './case-api';
import { messageOf } from '../core/messages';
import { useCaseWrite } from './case-queries';
import { CheckboxField, ChoiceGroup, TextareaField } from '../core/fields';
import { describeSection } from '../core/format';
import { checkExceptions, toExceptionValues, type ExceptionValues } from './exceptions-form';
import type { RegionMunicipalities } from '../core/region';
import { FailureAlert } from '../core/FailureAlert';

interface EditorProps {
  form: UseFormReturn<ExceptionValues>;
  view: ProjectedCase;
  region: RegionMunicipalities;
  referenceDate: string;
  onSaved(view: ProjectedCase): void;
  onCancel(): void;
  /** A 409 brought the other person's file: the page shows it everywhere but in this form. */
  onTheirs(view: ProjectedCase): void;
}

/** Exceptions A, B and D with their motivation, and the municipalities excluded for safety. */
export function ExceptionsEditor({
  form,
  view,
  region,
  referenceDate,
  onSaved,
  onCancel,
  onTheirs,
}: EditorProps) {
  const { errors, isSubmitting } = useFormState({ control: form.control });
  const error = (path: string) => (get(errors, path) as { message?: string } | undefined)?.message;
  const [a, b, d] = useWatch({ control: form.control, name: ['a.isOn', 'b.isOn', 'd.isOn'] });
  const [failure, setFailure] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<ProjectedCase | null>(null);
  // The version the typed exceptions are meant for: after a conflict, theirs.
  const baseVersion = useRef(view.version!);
  // What this form edits, as it stood when the typing began: to tell whether someone else changed it.
  const base = useRef(sectionsOf(view));

  // Someone else saved while this form is open (the page hears it live). The typed input stays as it
  // is. If they changed the exceptions too, both versions are shown and the user chooses; if they
  // changed other parts only, saving these on top of theirs loses nothing of theirs.
  useEffect(() => {
    if (view.version === undefined || view.version <= baseVersion.current) return;
    if (sectionsOf(view) !== base.current) setTheirs(view);
    else baseVersion.current = view.version;
  }, [view]);

  const saveChanges = useCaseWrite((changes: Pick<ProjectedCase, 'exceptions' | 'excluded'>) =>
    updateCase(view.id!, baseVersion.current, changes),
  );
  const save = form.handleSubmit(async (values) => {
    setFailure(null);
    const checked = checkExceptions(
      values,
      view,
      region.municipalities,
      referenceDate,
      region.bindingTest,
    );
    if (!checked.value) return;
    try {
      const saved = await saveChanges.mutateAsync({
        exceptions: checked.value.exceptions,
        excluded: checked.value.excluded,
      });
      setTheirs(null);
      onSaved(saved);
    } catch (caught) {
      const conflict = asVersionConflict(caught);
      if (conflict) {
        setTheirs(conflict.current);
        onTheirs(conflict.current);
        return;
      }
      setFailure(messageOf(caught));
    }
  });

  const keepMine = () => {
    baseVersion.current = theirs!.version!;
    base.current = sectionsOf(theirs!);
    setTheirs(null);
    // The typed exceptions go again, now on their version.
    void save();
  };
  const takeTheirs = () => {
    form.reset(toExceptionValues(theirs!));
    baseVersion.current = theirs!.version!;
    base.current = sectionsOf(theirs!);
    setTheirs(null);
  };

  const municipalityOptions = region.municipalities.map((m) => (
    <SelectOption key={m.code} value={m.code}>
      {m.name}
    </SelectOption>
  ));
  return (
    <form
      className="exceptions-form"
      noValidate
      onSubmit={save}
      aria-label="Uitzonderingen wijzigen"
    >
      {theirs && (
        <section className="conflict-panel" aria-labelledby="uitzonderingen-conflict">
          <Heading level={3} id="uitzonderingen-conflict">
            Intussen gewijzigd door een ander
          </Heading>
          <Paragraph>Uw invoer staat hieronder. Dit is wat nu is opgeslagen:</Paragraph>
          <DataList className="case-facts">
            {[
              ...describeSection('exceptions', theirs.exceptions, region.nameOf),
              ...describeSection('excluded', theirs.excluded, region.nameOf),
            ].map((f) => (
              <DataListItem key={f.label}>
                <DataListKey>{f.label}</DataListKey>
                <DataListValue>{f.value}</DataListValue>
              </DataListItem>
            ))}
          </DataList>
          {!theirs.exceptions?.length && !theirs.excluded?.length && (
            <Paragraph>Geen uitzonderingen en geen uitgesloten gemeenten.</Paragraph>
          )}
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" onClick={keepMine}>
              Mijn invoer bewaren
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={takeTheirs}>
              Hun versie overnemen
            </Button>
          </ButtonGroup>
        </section>
      )}
      <Paragraph>
        Een uitzondering geldt alleen met een geschreven motivering. Het voorstel hiernaast rekent
        meteen mee; opgeslagen wordt pas als u op Opslaan drukt.
      </Paragraph>

      <Fieldset className="exception-block">
        <FieldsetLegend>A — belemmeringen in de herkomstgemeente</FieldsetLegend>
        <CheckboxField
          id="uitzondering-a"
          label="Uitzondering A is van toepassing"
          {...form.register('a.isOn')}
        />
        {a && (
          <TextareaField
            id="uitzondering-a-motivering"
            label="Motivering bij uitzondering A"
            description="Bijvoorbeeld een onveilig netwerk. Deze motivering ziet een woningcorporatie nooit."
            error={error('a.motivation')}
            {...form.register('a.motivation')}
          />
        )}
      </Fieldset>

      <Fieldset className="exception-block">
        <FieldsetLegend>B — betere kansen elders</FieldsetLegend>
        <CheckboxField
          id="uitzondering-b"
          label="Uitzondering B is van toepassing"
          {...form.register('b.isOn')}
        />
        {b && (
          <>
            <SelectField
              id="uitzondering-b-gemeente"
              label="Gemeente waar het netwerk of de daginvulling is"
              error={error('b.municipality')}
              {...form.register('b.municipality')}
            >
              <SelectOption value="">Kies een gemeente</SelectOption>
              {municipalityOptions}
            </SelectField>
            <ChoiceGroup
              id="uitzondering-b-grond"
              type="radio"
              className="case-choices--inline"
              legend="Grond"
              error={error('b.ground')}
              registration={form.register('b.ground')}
              options={[
                { value: 'netwerk', label: 'Steunend netwerk' },
                { value: 'daginvulling', label: 'Vaste daginvulling, zoals werk' },
              ]}
            />
            <ChoiceGroup
              id="uitzondering-b-reizen"
              type="radio"
              className="case-choices--inline"
              legend="Kan de bewoner dit vanuit de herkomstgemeente bereizen?"
              description="Zo ja, dan geldt B niet: de herkomst blijft de bestemming."
              error={error('b.canTravelFromOrigin')}
              registration={form.register('b.canTravelFromOrigin')}
              options={[
                { value: 'ja', label: 'Ja' },
                { value: 'nee', label: 'Nee' },
              ]}
            />
            <TextareaField
              id="uitzondering-b-motivering"
              label="Motivering bij uitzondering B"
              error={error('b.motivation')}
              {...form.register('b.motivation')}
            />
          </>
        )}
      </Fieldset>

      <Fieldset className="exception-block">
        <FieldsetLegend>D — anders echt niet passend</FieldsetLegend>
        <CheckboxField
          id="uitzondering-d"
          label="Uitzondering D is van toepassing"
          {...form.register('d.isOn')}
        />
        {d && (
          <>
            <SelectField
              id="uitzondering-d-gemeente"
              label="Gemeente bij uitzondering D"
              error={error('d.municipality')}
              {...form.register('d.municipality')}
            >
              <SelectOption value="">Kies een gemeente</SelectOption>
              {municipalityOptions}
            </SelectField>
            <TextareaField
              id="uitzondering-d-motivering"
              label="Motivering bij uitzondering D"
              error={error('d.motivation')}
              {...form.register('d.motivation')}
            />
          </>
        )}
      </Fieldset>

      <ChoiceGroup
        id="uitgesloten"
        type="checkbox"
        className="case-choices--columns"
        legend="Uitgesloten gemeenten (veiligheid)"
        description="Gemeenten waar de bewoner niet heen kan, bijvoorbeeld om een onveilig netwerk. De regel slaat ze over."
        error={error('excluded')}
        registration={form.register('excluded')}
        options={region.municipalities.map((m) => ({ value: m.code, label: m.name }))}
      />

      <FailureAlert failure={failure} />
      <ButtonGroup>
        <Button
          type="submit"
          appearance="primary-action-button"
          disabled={isSubmitting || !!theirs}
        >
          Uitzonderingen opslaan
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}

const sectionsOf = (view: ProjectedCase) =>
  JSON.stringify([view.exceptions ?? [], view.excluded ?? []]);
