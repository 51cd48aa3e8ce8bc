import type { ReactNode } from 'react';
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
import type { ProjectedCase } from './case-api';
import { CheckboxField, ChoiceGroup, TextareaField } from '../core/fields';
import { describeSection } from '../core/format';
import type { ExceptionValues } from './exceptions-form';
import type { RegionMunicipalities } from '../core/region';
import { FailureAlert } from '../core/FailureAlert';
import { useExceptionsSave } from './use-exceptions-save';

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

/** What the fields of one exception need: the form, its field errors and the municipalities to pick. */
interface ExceptionFieldsProps {
  form: UseFormReturn<ExceptionValues>;
  errorOf(path: string): string | undefined;
  municipalityOptions: ReactNode;
}

/** Exceptions A, B and D with their motivation, and the municipalities excluded for safety. */
export function ExceptionsEditor({ form, view, region, onCancel, ...saving }: EditorProps) {
  const { errors, isSubmitting } = useFormState({ control: form.control });
  const errorOf = (path: string) =>
    (get(errors, path) as { message?: string } | undefined)?.message;
  const { save, failure, theirs, keepMine, takeTheirs } = useExceptionsSave({
    form,
    view,
    region,
    ...saving,
  });
  const fields = { form, errorOf, municipalityOptions: municipalityOptionsOf(region) };
  return (
    <form
      className="exceptions-form"
      noValidate
      onSubmit={save}
      aria-label="Uitzonderingen wijzigen"
    >
      {theirs && (
        <TheirExceptions
          theirs={theirs}
          nameOf={region.nameOf}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      )}
      <Paragraph>
        Een uitzondering geldt alleen met een geschreven motivering. Het voorstel hiernaast rekent
        meteen mee; opgeslagen wordt pas als u op Opslaan drukt.
      </Paragraph>
      <MotivatedException
        {...fields}
        slot="a"
        legend="A — belemmeringen in de herkomstgemeente"
        motivationDescription="Bijvoorbeeld een onveilig netwerk. Deze motivering ziet een woningcorporatie nooit."
      />
      <MotivatedException
        {...fields}
        slot="b"
        legend="B — betere kansen elders"
        municipalityLabel="Gemeente waar het netwerk of de daginvulling is"
      >
        <ExceptionBGround form={form} errorOf={errorOf} />
      </MotivatedException>
      <MotivatedException
        {...fields}
        slot="d"
        legend="D — anders echt niet passend"
        municipalityLabel="Gemeente bij uitzondering D"
      />
      <ChoiceGroup
        id="uitgesloten"
        type="checkbox"
        className="case-choices--columns"
        legend="Uitgesloten gemeenten (veiligheid)"
        description="Gemeenten waar de bewoner niet heen kan, bijvoorbeeld om een onveilig netwerk. De regel slaat ze over."
        error={errorOf('excluded')}
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

function municipalityOptionsOf(region: RegionMunicipalities): ReactNode {
  return region.municipalities.map((m) => (
    <SelectOption key={m.code} value={m.code}>
      {m.name}
    </SelectOption>
  ));
}

/** Someone else saved other exceptions meanwhile: theirs beside the typed input, and the choice. */
function TheirExceptions({
  theirs,
  nameOf,
  onKeepMine,
  onTakeTheirs,
}: {
  theirs: ProjectedCase;
  nameOf(code: string): string;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  return (
    <section className="conflict-panel" aria-labelledby="uitzonderingen-conflict">
      <Heading level={3} id="uitzonderingen-conflict">
        Intussen gewijzigd door een ander
      </Heading>
      <Paragraph>Uw invoer staat hieronder. Dit is wat nu is opgeslagen:</Paragraph>
      <DataList className="case-facts">
        {[
          ...describeSection('exceptions', theirs.exceptions, nameOf),
          ...describeSection('excluded', theirs.excluded, nameOf),
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
        <Button type="button" appearance="primary-action-button" onClick={onKeepMine}>
          Mijn invoer bewaren
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onTakeTheirs}>
          Hun versie overnemen
        </Button>
      </ButtonGroup>
    </section>
  );
}

/**
 * One exception's block: switched on with a checkbox, then (for B and D) the municipality it names,
 * what else the exception asks (`children`), and its written motivation. A, B and D share it.
 */
function MotivatedException({
  slot,
  legend,
  municipalityLabel,
  motivationDescription,
  form,
  errorOf,
  municipalityOptions,
  children,
}: ExceptionFieldsProps & {
  slot: 'a' | 'b' | 'd';
  legend: string;
  /** The label of the municipality it names; none for A. */
  municipalityLabel?: string;
  motivationDescription?: string;
  children?: ReactNode;
}) {
  const isOn = useWatch({ control: form.control, name: `${slot}.isOn` });
  const letter = slot.toUpperCase();
  // Only B and D name a municipality (a label is given for them alone).
  const municipality = `${slot}.municipality` as 'b.municipality' | 'd.municipality';
  return (
    <Fieldset className="exception-block">
      <FieldsetLegend>{legend}</FieldsetLegend>
      <CheckboxField
        id={`uitzondering-${slot}`}
        label={`Uitzondering ${letter} is van toepassing`}
        {...form.register(`${slot}.isOn`)}
      />
      {isOn && (
        <>
          {municipalityLabel && (
            <SelectField
              id={`uitzondering-${slot}-gemeente`}
              label={municipalityLabel}
              error={errorOf(municipality)}
              {...form.register(municipality)}
            >
              <SelectOption value="">Kies een gemeente</SelectOption>
              {municipalityOptions}
            </SelectField>
          )}
          {children}
          <TextareaField
            id={`uitzondering-${slot}-motivering`}
            label={`Motivering bij uitzondering ${letter}`}
            description={motivationDescription}
            error={errorOf(`${slot}.motivation`)}
            {...form.register(`${slot}.motivation`)}
          />
        </>
      )}
    </Fieldset>
  );
}

/** B's own questions, between its municipality and its motivation. */
function ExceptionBGround({ form, errorOf }: Omit<ExceptionFieldsProps, 'municipalityOptions'>) {
  return (
    <>
      <ChoiceGroup
        id="uitzondering-b-grond"
        type="radio"
        className="case-choices--inline"
        legend="Grond"
        error={errorOf('b.ground')}
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
        error={errorOf('b.canTravelFromOrigin')}
        registration={form.register('b.canTravelFromOrigin')}
        options={[
          { value: 'ja', label: 'Ja' },
          { value: 'nee', label: 'Nee' },
        ]}
      />
    </>
  );
}
