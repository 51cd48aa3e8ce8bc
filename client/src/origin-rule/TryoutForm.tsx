import {
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  Heading,
  Paragraph,
  SelectOption,
} from '@utrecht/component-library-react';
import { formatDutchDate } from '@uitstroom/shared';
import type { UseFormReturn } from 'react-hook-form';
import { SelectField } from '../core/form';
import {
  describeMunicipality,
  fieldId,
  moveToRegion,
  regionOf,
  type TryoutField,
  type TryoutValues,
} from './tryout-form';
import { isTryoutRegionKey, tryoutRegionKeys, tryoutRegions } from './tryout-regions';
import { TryoutBindingFields } from './TryoutBindingFields';
import {
  AddressesFieldset,
  ExceptionsFieldset,
  PlacementsFieldset,
  WishFieldset,
  type TryoutSectionProps,
} from './TryoutSections';

interface TryoutFormProps {
  form: UseFormReturn<TryoutValues>;
  /** The current values (watched), for what to show: an exception's fields, a CBS-code box. */
  values: TryoutValues;
  errors: ReadonlyMap<TryoutField, string>;
  referenceDate: string;
}

/** The hypothetical case: nothing here is sent anywhere; the page computes the proposal from it. */
export function TryoutForm({ form, values, errors, referenceDate }: TryoutFormProps) {
  const { register, control } = form;
  const section: TryoutSectionProps = {
    register,
    values,
    field: (name) => ({ id: fieldId(name), error: errors.get(name) }),
    municipalities: regionOf(values).municipalities,
  };
  return (
    <form
      className="tryout-form"
      aria-labelledby="proef-casus-kop"
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <Heading level={3} id="proef-casus-kop">
        De casus
      </Heading>
      <Paragraph className="tryout-form__note">
        Peildatum: vandaag, {formatDutchDate(referenceDate)}. Vul geen echte namen of adressen in;
        alleen gemeenten en data.
      </Paragraph>
      <RegionFieldset form={form} {...section} />
      <TryoutBindingFields register={register} values={values} errors={errors} />
      <AddressesFieldset control={control} {...section} />
      <WishFieldset {...section} />
      <ExceptionsFieldset {...section} />
      <PlacementsFieldset {...section} />
    </form>
  );
}

/** The region of the table: choosing another moves the case to that region's municipalities. */
function RegionFieldset({
  form,
  field,
  municipalities,
}: TryoutSectionProps & { form: UseFormReturn<TryoutValues> }) {
  const { register, getValues, reset } = form;
  const regionRegistration = register('regionKey', {
    onChange: (event: { target: { value: string } }) => {
      const key = event.target.value;
      if (isTryoutRegionKey(key))
        reset(moveToRegion(getValues(), key), { keepDefaultValues: true });
    },
  });
  return (
    <Fieldset className="tryout-section">
      <FieldsetLegend>Regio</FieldsetLegend>
      <SelectField
        label="Regio van de uitstroomtafel"
        {...field('regionKey')}
        {...regionRegistration}
      >
        {tryoutRegionKeys.map((key) => (
          <SelectOption key={key} value={key}>
            {tryoutRegions[key].name}
          </SelectOption>
        ))}
      </SelectField>
      <FormFieldDescription>
        Gemeenten: {municipalities.map(describeMunicipality).join(', ')}. Straks leest deze pagina
        ze uit de regels van uw regio.
      </FormFieldDescription>
    </Fieldset>
  );
}
