import type { UseFormRegister } from 'react-hook-form';
import { Fieldset, FieldsetLegend, FormFieldDescription } from '@utrecht/component-library-react';
import { TextField } from '../core/form';
import { CheckboxField } from '../core/fields';
import { fieldId, type TryoutField, type TryoutValues } from './tryout-form';

/**
 * The region's minimum-binding test in the try-out: a region may require that the resident lived
 * at least M of the last W years before the admission in the origin (rule-engine-contract.md).
 */
export function TryoutBindingFields({
  register,
  values,
  errors,
}: {
  register: UseFormRegister<TryoutValues>;
  values: TryoutValues;
  errors: ReadonlyMap<TryoutField, string>;
}) {
  const field = (name: TryoutField) => ({ id: fieldId(name), error: errors.get(name) });
  return (
    <Fieldset className="tryout-section">
      <FieldsetLegend>Minimale binding (keuze van de regio)</FieldsetLegend>
      <FormFieldDescription>
        Een regio kan eisen dat de bewoner minstens een aantal jaren van een periode vóór de opname
        in de herkomstgemeente woonde. Haalt de bewoner dat niet, dan staat de herkomst niet vast en
        beslist de verdeling (C), tenzij A, B of D geldt.
      </FormFieldDescription>
      <CheckboxField
        label="De regio vraagt minimale binding"
        {...field('bindingTest.applies')}
        {...register('bindingTest.applies')}
      />
      {values.bindingTest.applies && (
        <div className="tryout-binding">
          <TextField
            label="Minstens aantal jaren in de herkomstgemeente"
            type="number"
            min={1}
            max={20}
            step={1}
            inputMode="numeric"
            description="Een jaar telt als 365 dagen."
            {...field('bindingTest.minYears')}
            {...register('bindingTest.minYears')}
          />
          <TextField
            label="Van de laatste aantal jaren vóór de opname"
            type="number"
            min={1}
            max={20}
            step={1}
            inputMode="numeric"
            description="Hoogstens 20."
            {...field('bindingTest.withinYears')}
            {...register('bindingTest.withinYears')}
          />
        </div>
      )}
    </Fieldset>
  );
}
