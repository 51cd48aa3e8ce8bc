import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import type { RuleSetConfig } from '@uitstroom/shared';
import { CheckboxField, WholeNumberField } from '../core/fields';
import { fieldId, wholeNumberFieldOf } from './rule-set-form';

/**
 * The minimum-binding test of the origin rule (domain.md §3.1): the switch, M and W. M and W stay
 * while the switch is off, so switching it on again restores them.
 */
export function RuleSetBindingFields({
  register,
  errors,
}: {
  register: UseFormRegister<RuleSetConfig>;
  errors: FieldErrors<RuleSetConfig>;
}) {
  const number = wholeNumberFieldOf(register, errors);
  return (
    <Fieldset className="rule-set-fieldset">
      <FieldsetLegend>Minimale binding met de herkomstgemeente</FieldsetLegend>
      <Paragraph className="rule-set-note">
        Staat de toets aan, dan is een gemeente alleen de herkomst als de bewoner er minstens het
        eerste aantal jaren woonde in de laatste jaren vóór de opname (een jaar telt als 365 dagen).
        Haalt de bewoner dat niet, dan volgt de bestemming uit de verdeling naar inwoneraantal,
        tenzij A, B of D geldt.
      </Paragraph>
      <CheckboxField
        id={fieldId('bindingTest.isEnabled')}
        label="Toets op minimale binding"
        error={errors.bindingTest?.isEnabled?.message}
        {...register('bindingTest.isEnabled')}
      />
      <div className="rule-set-row">
        <WholeNumberField
          label="Minstens (jaren in de herkomstgemeente)"
          {...number('bindingTest.minYears')}
        />
        <WholeNumberField
          label="Van de laatste (jaren vóór de opname)"
          description="Hoogstens 20."
          {...number('bindingTest.withinYears')}
        />
      </div>
    </Fieldset>
  );
}
