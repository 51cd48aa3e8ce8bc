import { useRef } from 'react';
import { useFieldArray, type Control, type UseFormRegister } from 'react-hook-form';
import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  Paragraph,
  SelectOption,
} from '@utrecht/component-library-react';
import type { RegionMunicipality } from '@uitstroom/shared';
import { SelectField, TextField } from '../core/form';
import { ChoiceGroup, CheckboxField, TextareaField } from '../core/fields';
import {
  emptyAddress,
  outsideRegion,
  type AddressRow,
  type TryoutField,
  type TryoutValues,
} from './tryout-form';

/** What each section of the try-out form gets: the form's registration, its values and errors. */
export interface TryoutSectionProps {
  register: UseFormRegister<TryoutValues>;
  /** The current values (watched), for what to show: an exception's fields, a CBS-code box. */
  values: TryoutValues;
  /** The id and the message of a field, so that messages and links find it. */
  field(name: TryoutField): { id: string; error: string | undefined };
  municipalities: readonly RegionMunicipality[];
}

const addressKindOptions = [
  { value: 'woonadres', label: 'Woonadres' },
  { value: 'instelling', label: 'Instelling' },
  { value: 'briefadres', label: 'Briefadres' },
] as const;

export function MunicipalityOptions({
  municipalities,
  placeholder,
  outside,
}: {
  municipalities: readonly RegionMunicipality[];
  placeholder: string;
  outside?: boolean;
}) {
  return (
    <>
      <SelectOption value="">{placeholder}</SelectOption>
      {municipalities.map((m) => (
        <SelectOption key={m.code} value={m.code}>
          {m.name}
        </SelectOption>
      ))}
      {outside && <SelectOption value={outsideRegion}>Buiten de regio (CBS-code)</SelectOption>}
    </>
  );
}

/** One address of the resident's history: its municipality (or a CBS code), its kind and its dates. */
function AddressFields({
  index,
  current,
  onRemove,
  register,
  field,
  municipalities,
}: Omit<TryoutSectionProps, 'values'> & {
  index: number;
  current: AddressRow | undefined;
  onRemove(): void;
}) {
  const number = index + 1;
  return (
    <li className="tryout-address">
      <Fieldset className="tryout-address__fieldset">
        <FieldsetLegend>Adres {number}</FieldsetLegend>
        <div className="tryout-address__grid">
          <SelectField
            label={`Gemeente van adres ${number}`}
            {...field(`addresses.${index}.municipality`)}
            {...register(`addresses.${index}.municipality`)}
          >
            <MunicipalityOptions
              municipalities={municipalities}
              placeholder="Kies een gemeente"
              outside
            />
          </SelectField>
          {current?.municipality === outsideRegion && (
            <TextField
              label={`CBS-code van adres ${number}`}
              description="GM en vier cijfers, bijvoorbeeld GM0363 voor Amsterdam."
              autoComplete="off"
              spellCheck={false}
              {...field(`addresses.${index}.outsideCode`)}
              {...register(`addresses.${index}.outsideCode`)}
            />
          )}
          <SelectField
            label={`Soort adres ${number}`}
            {...field(`addresses.${index}.kind`)}
            {...register(`addresses.${index}.kind`)}
          >
            {addressKindOptions.map((o) => (
              <SelectOption key={o.value} value={o.value}>
                {o.label}
              </SelectOption>
            ))}
          </SelectField>
          <TextField
            label={`Adres ${number} vanaf`}
            type="date"
            {...field(`addresses.${index}.from`)}
            {...register(`addresses.${index}.from`)}
          />
          <TextField
            label={`Adres ${number} tot`}
            type="date"
            description="Leeg als het adres nog geldt."
            {...field(`addresses.${index}.to`)}
            {...register(`addresses.${index}.to`)}
          />
        </div>
        <Button
          type="button"
          appearance="subtle-button"
          className="tryout-address__remove"
          onClick={onRemove}
        >
          Adres {number} verwijderen
        </Button>
      </Fieldset>
    </li>
  );
}

/** The first admission and the addresses before it: the history the origin is read from. */
export function AddressesFieldset({
  control,
  register,
  values,
  field,
  municipalities,
}: TryoutSectionProps & { control: Control<TryoutValues> }) {
  const addresses = useFieldArray({ control, name: 'addresses' });
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <Fieldset className="tryout-section">
      <FieldsetLegend>Opname en adressen</FieldsetLegend>
      <TextField
        label="Datum van de eerste opname"
        type="date"
        description="De eerste dag in een 24-uursvoorziening in dit traject."
        {...field('admissionDate')}
        {...register('admissionDate')}
      />
      <ol className="tryout-addresses">
        {addresses.fields.map((row, index) => (
          <AddressFields
            key={row.id}
            index={index}
            current={values.addresses[index]}
            register={register}
            field={field}
            municipalities={municipalities}
            onRemove={() => {
              addresses.remove(index);
              addButton.current?.focus();
            }}
          />
        ))}
      </ol>
      {addresses.fields.length === 0 && (
        <Paragraph>
          Er staan geen adressen in. Zonder woonadres is de herkomst niet te vinden.
        </Paragraph>
      )}
      <Button
        ref={addButton}
        type="button"
        appearance="secondary-action-button"
        onClick={() => addresses.append({ ...emptyAddress })}
      >
        Adres toevoegen
      </Button>
    </Fieldset>
  );
}

/** The resident's wish, and the municipalities the resident cannot go to. */
export function WishFieldset({ register, values, field, municipalities }: TryoutSectionProps) {
  return (
    <Fieldset className="tryout-section">
      <FieldsetLegend>Woonwens en uitgesloten gemeenten</FieldsetLegend>
      <SelectField label="Woonwens van de bewoner" {...field('wish')} {...register('wish')}>
        <MunicipalityOptions municipalities={municipalities} placeholder="Geen woonwens" outside />
      </SelectField>
      {values.wish === outsideRegion && (
        <TextField
          label="CBS-code van de gewenste gemeente"
          autoComplete="off"
          spellCheck={false}
          {...field('wishOutsideCode')}
          {...register('wishOutsideCode')}
        />
      )}
      <ChoiceGroup
        type="checkbox"
        legend="Uitgesloten gemeenten"
        description="Gemeenten waar de bewoner niet heen kan, bijvoorbeeld om de veiligheid. Ze doen niet mee in de verdeling."
        options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        registration={register('excluded')}
        className="tryout-choices--columns"
        {...field('excluded')}
      />
    </Fieldset>
  );
}

/** Exceptions A, B and D, each switched on by the table (C follows from the addresses). */
export function ExceptionsFieldset(props: TryoutSectionProps) {
  return (
    <Fieldset className="tryout-section">
      <FieldsetLegend>Uitzonderingen</FieldsetLegend>
      <FormFieldDescription>
        Zet een uitzondering aan als de tafel die wil laten meewegen. C vult u niet in: die volgt
        uit de adressen.
      </FormFieldDescription>
      <ExceptionA {...props} />
      <ExceptionB {...props} />
      <ExceptionD {...props} />
    </Fieldset>
  );
}

function ExceptionA({ register, values, field }: TryoutSectionProps) {
  return (
    <Fieldset className="tryout-exception">
      <FieldsetLegend>Uitzondering A: belemmeringen in de herkomstgemeente</FieldsetLegend>
      <CheckboxField
        label="Uitzondering A invoeren"
        {...field('exceptionA.applies')}
        {...register('exceptionA.applies')}
      />
      {values.exceptionA.applies && (
        <TextareaField
          label="Motivering bij uitzondering A"
          description="Minstens 10 tekens. Wat staat het herstel in de herkomstgemeente in de weg?"
          {...field('exceptionA.motivation')}
          {...register('exceptionA.motivation')}
        />
      )}
    </Fieldset>
  );
}

function ExceptionB({ register, values, field, municipalities }: TryoutSectionProps) {
  return (
    <Fieldset className="tryout-exception">
      <FieldsetLegend>Uitzondering B: betere kansen elders</FieldsetLegend>
      <CheckboxField
        label="Uitzondering B invoeren"
        {...field('exceptionB.applies')}
        {...register('exceptionB.applies')}
      />
      {values.exceptionB.applies && (
        <>
          <SelectField
            label="Gemeente met betere kansen"
            {...field('exceptionB.municipality')}
            {...register('exceptionB.municipality')}
          >
            <MunicipalityOptions municipalities={municipalities} placeholder="Kies een gemeente" />
          </SelectField>
          <ChoiceGroup
            type="radio"
            legend="Wat is er in die gemeente?"
            options={[
              { value: 'netwerk', label: 'Een steunend netwerk, zoals familie of vrienden' },
              {
                value: 'daginvulling',
                label: 'Een vaste daginvulling, zoals werk of dagbesteding',
              },
            ]}
            registration={register('exceptionB.ground')}
            {...field('exceptionB.ground')}
          />
          <ChoiceGroup
            type="radio"
            legend="Kan de bewoner dit vanuit de herkomstgemeente bereizen?"
            description="Zo ja, dan geldt B niet: de bewoner kan er ook vanuit de herkomst heen."
            options={[
              { value: 'ja', label: 'Ja' },
              { value: 'nee', label: 'Nee' },
            ]}
            registration={register('exceptionB.canTravelFromOrigin')}
            className="tryout-choices--inline"
            {...field('exceptionB.canTravelFromOrigin')}
          />
          <TextareaField
            label="Motivering bij uitzondering B"
            description="Minstens 10 tekens."
            {...field('exceptionB.motivation')}
            {...register('exceptionB.motivation')}
          />
        </>
      )}
    </Fieldset>
  );
}

function ExceptionD({ register, values, field, municipalities }: TryoutSectionProps) {
  return (
    <Fieldset className="tryout-exception">
      <FieldsetLegend>Uitzondering D: anders echt niet passend</FieldsetLegend>
      <CheckboxField
        label="Uitzondering D invoeren"
        {...field('exceptionD.applies')}
        {...register('exceptionD.applies')}
      />
      {values.exceptionD.applies && (
        <>
          <SelectField
            label="Gemeente die de tafel kiest"
            {...field('exceptionD.municipality')}
            {...register('exceptionD.municipality')}
          >
            <MunicipalityOptions municipalities={municipalities} placeholder="Kies een gemeente" />
          </SelectField>
          <TextareaField
            label="Motivering bij uitzondering D"
            description="Minstens 10 tekens. Zonder schriftelijke motivering geldt D niet."
            {...field('exceptionD.motivation')}
            {...register('exceptionD.motivation')}
          />
        </>
      )}
    </Fieldset>
  );
}

/** How many residents each municipality got by distribution in this period so far. */
export function PlacementsFieldset({
  register,
  values,
  field,
  municipalities,
}: TryoutSectionProps) {
  return (
    <Fieldset className="tryout-section">
      <FieldsetLegend>Plaatsingen door verdeling tot nu toe</FieldsetLegend>
      <FormFieldDescription>
        Hoeveel bewoners elke gemeente in deze periode al kreeg via de verdeling naar inwoneraantal
        (bij C, en bij A zonder passende woonwens). Leeg telt als 0.
      </FormFieldDescription>
      <div className="tryout-placements">
        {municipalities.map((m) => (
          <TextField
            key={`${values.regionKey}-${m.code}`}
            label={m.name}
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            {...field(`placements.${m.code}`)}
            {...register(`placements.${m.code}`)}
          />
        ))}
      </div>
    </Fieldset>
  );
}
