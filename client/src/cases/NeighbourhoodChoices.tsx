import { useId } from 'react';
import { useFormState, useWatch, get, type UseFormReturn } from 'react-hook-form';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
} from '@utrecht/component-library-react';
import { neighbourhoodsOf } from '@uitstroom/shared';
import { fieldId } from '../core/fields';
import type { IntakeValues } from './intake-form';
import type { RegionMunicipalities } from '../core/region';

type ListName = 'wishedNeighbourhoods' | 'avoidedNeighbourhoods';

const legend: Record<ListName, string> = {
  wishedNeighbourhoods: 'Wijken waar de bewoner graag wil wonen',
  avoidedNeighbourhoods: 'Wijken waar de bewoner niet wil wonen',
};

/** The first message of a list's errors: at the list, or at one of its names. */
function listError(errors: unknown, path: string): string | undefined {
  const error = get(errors, path) as
    { message?: string; [index: number]: { message?: string } | undefined } | undefined;
  if (!error) return undefined;
  if (error.message) return error.message;
  return Object.values(error).find(
    (e): e is { message: string } => typeof e === 'object' && !!e && 'message' in e,
  )?.message;
}

/**
 * One list of wijken as checkboxes, grouped per municipality of the region (the wished
 * municipalities first, open; the others folded away). One column on a phone, 44 px per choice.
 */
export function NeighbourhoodChoices({
  form,
  region,
  list,
}: {
  form: UseFormReturn<IntakeValues>;
  region: RegionMunicipalities;
  list: ListName;
}) {
  const id = useId();
  const path = `housingNeeds.${list}` as const;
  const { errors } = useFormState({ control: form.control, name: path });
  const wishedCodes = (useWatch({ control: form.control, name: 'wishes.municipalities' }) ?? [])
    .map((m) => m.code)
    .filter(Boolean);
  const chosen = useWatch({ control: form.control, name: path });
  const chosenNames = new Set(Array.isArray(chosen) ? chosen : []);
  const codes = [
    ...wishedCodes.filter((code) => region.isInRegion(code)),
    ...region.municipalities.map((m) => m.code).filter((code) => !wishedCodes.includes(code)),
  ];
  const groups = neighbourhoodsOf(codes);
  const error = listError(errors, path);
  const describedBy = [`${id}-uitleg`, error ? `${id}-fout` : null].filter(Boolean).join(' ');
  return (
    <Fieldset
      id={fieldId(path)}
      invalid={!!error}
      aria-describedby={describedBy}
      className="intake-neighbourhoods"
    >
      <FieldsetLegend>{legend[list]}</FieldsetLegend>
      <FormFieldDescription id={`${id}-uitleg`}>
        Kies uit de wijken van uw regio. Ze horen bij het woonprofiel: ook een woningcorporatie ziet
        ze, en ze tellen mee bij het zoeken naar een passende woning.
      </FormFieldDescription>
      {error && <FormFieldErrorMessage id={`${id}-fout`}>{error}</FormFieldErrorMessage>}
      {groups.length === 0 && (
        <Paragraph className="intake-empty">Voor uw regio is nog geen lijst met wijken.</Paragraph>
      )}
      {groups.map(({ municipalityCode, names }) => {
        const count = names.filter((n) => chosenNames.has(n)).length;
        return (
          <details
            key={municipalityCode}
            className="intake-neighbourhoods__municipality"
            open={wishedCodes.includes(municipalityCode) || count > 0}
          >
            <summary>
              {region.nameOf(municipalityCode)}
              {count > 0 && ` (${count} gekozen)`}
            </summary>
            <div className="intake-neighbourhoods__options">
              {names.map((name, index) => {
                const optionId = `${id}-${municipalityCode}-${index}`;
                return (
                  <FormField key={name} type="checkbox" className="intake-neighbourhoods__option">
                    <div className="utrecht-form-field__input">
                      <Checkbox id={optionId} value={name} {...form.register(path)} />
                    </div>
                    <Paragraph className="utrecht-form-field__label utrecht-form-field__label--checkbox">
                      <FormLabel htmlFor={optionId} type="checkbox">
                        {name}
                      </FormLabel>
                    </Paragraph>
                  </FormField>
                );
              })}
            </div>
          </details>
        );
      })}
    </Fieldset>
  );
}
