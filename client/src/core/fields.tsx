import {
  forwardRef,
  useId,
  type ComponentPropsWithoutRef,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Link as RouterLink } from 'react-router';
import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  RadioButton,
  SelectOption,
  Textarea,
} from '@utrecht/component-library-react';
import { SelectField, TextField } from './form';

/**
 * The fields `core/form.tsx` does not have, in its house style: a label, an optional description,
 * the Dutch error at the field, tied to the input by id and aria-describedby.
 */

function describedBy(
  id: string,
  description: ReactNode,
  error: string | undefined,
): string | undefined {
  return (
    [description ? `${id}-omschrijving` : null, error ? `${id}-fout` : null]
      .filter(Boolean)
      .join(' ') || undefined
  );
}

function Notes({
  id,
  description,
  error,
}: {
  id: string;
  description?: ReactNode;
  error?: string;
}) {
  return (
    <>
      {description && (
        <FormFieldDescription id={`${id}-omschrijving`}>{description}</FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`${id}-fout`}>{error}</FormFieldErrorMessage>}
    </>
  );
}

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  description?: ReactNode;
  error?: string;
}

export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(
  function TextareaField({ id, label, description, error, rows = 3, ...textarea }, ref) {
    const generated = useId();
    const fieldId = id ?? generated;
    return (
      <FormField type="text" invalid={!!error}>
        <Paragraph className="utrecht-form-field__label">
          <FormLabel htmlFor={fieldId}>{label}</FormLabel>
        </Paragraph>
        <Notes id={fieldId} description={description} error={error} />
        <Paragraph className="utrecht-form-field__input">
          <Textarea
            id={fieldId}
            ref={ref}
            rows={rows}
            invalid={!!error}
            aria-describedby={describedBy(fieldId, description, error)}
            {...textarea}
          />
        </Paragraph>
      </FormField>
    );
  },
);

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  description?: ReactNode;
  error?: string;
}

export const CheckboxField = forwardRef<HTMLInputElement, CheckboxFieldProps>(
  function CheckboxField({ id, label, description, error, ...input }, ref) {
    const generated = useId();
    const fieldId = id ?? generated;
    return (
      <FormField type="checkbox" invalid={!!error} className="case-checkbox">
        <div className="utrecht-form-field__input">
          <Checkbox
            id={fieldId}
            ref={ref}
            invalid={!!error}
            aria-describedby={describedBy(fieldId, description, error)}
            {...input}
          />
        </div>
        <Paragraph className="utrecht-form-field__label utrecht-form-field__label--checkbox">
          <FormLabel htmlFor={fieldId} type="checkbox">
            {label}
          </FormLabel>
        </Paragraph>
        <Notes id={fieldId} description={description} error={error} />
      </FormField>
    );
  },
);

export interface ChoiceOption {
  readonly value: string;
  readonly label: ReactNode;
}

interface ChoiceGroupProps {
  /** The id of the first option: links and error summaries point here. */
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string;
  options: readonly ChoiceOption[];
  /** Radio buttons for one answer; checkboxes for several (react-hook-form then gives a list). */
  type: 'radio' | 'checkbox';
  registration: UseFormRegisterReturn;
  className?: string;
}

/** A group of options in a fieldset whose legend asks the question. */
export function ChoiceGroup({
  id,
  legend,
  description,
  error,
  options,
  type,
  registration,
  className,
}: ChoiceGroupProps) {
  const Input = type === 'radio' ? RadioButton : Checkbox;
  return (
    <Fieldset
      invalid={!!error}
      role={type === 'radio' ? 'radiogroup' : undefined}
      aria-describedby={describedBy(id, description, error)}
      className={['case-choices', className].filter(Boolean).join(' ')}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      <Notes id={id} description={description} error={error} />
      <div className="case-choices__options">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <FormField key={option.value} type={type} className="case-choices__option">
              <div className="utrecht-form-field__input">
                <Input id={optionId} value={option.value} invalid={!!error} {...registration} />
              </div>
              <Paragraph className={`utrecht-form-field__label utrecht-form-field__label--${type}`}>
                <FormLabel htmlFor={optionId} type={type}>
                  {option.label}
                </FormLabel>
              </Paragraph>
            </FormField>
          );
        })}
      </div>
    </Fieldset>
  );
}

interface DateRangeFieldsProps {
  /** The two dates, registered with react-hook-form. */
  from: UseFormRegisterReturn;
  to: UseFormRegisterReturn;
  fromError?: string;
  toError?: string;
  /** The inputs' ids, for links from error summaries; generated without. */
  fromId?: string;
  toId?: string;
  /** With it, the two stand in a div of this class; without, in the layout of the form around them. */
  className?: string;
}

/** A period as two dates, "Van" and "Tot en met" (both days included), each with its error. */
export function DateRangeFields({
  from,
  to,
  fromError,
  toError,
  fromId,
  toId,
  className,
}: DateRangeFieldsProps) {
  const fields = (
    <>
      <DateField id={fromId} label="Van" error={fromError} {...from} />
      <DateField id={toId} label="Tot en met" error={toError} {...to} />
    </>
  );
  return className ? <div className={className}>{fields}</div> : fields;
}

/** An option of a filter: its label is plain text (filters build their lists from data). */
export interface FilterOption extends ChoiceOption {
  readonly label: string;
}

/** `identity.birthDate` → `veld-identity-birthDate`: the id of a field, for links from summaries. */
export function fieldId(path: string): string {
  return `veld-${path.replace(/\./g, '-')}`;
}

/** A date with its label and its Dutch error at the field; spreads react-hook-form's `register`. */
export const DateField = forwardRef<
  HTMLInputElement,
  Omit<ComponentPropsWithoutRef<typeof TextField>, 'type'>
>(function DateField(props, ref) {
  return <TextField ref={ref} type="date" {...props} />;
});

interface OptionsFieldProps extends Omit<ComponentPropsWithoutRef<typeof SelectField>, 'children'> {
  options: readonly ChoiceOption[];
  /**
   * The empty first option that asks for a choice ("Kies de soort"), names the lack of one
   * ("Geen document") or a filter's "all" ("Alle gemeenten"). Register the field with `setValueAs: emptyAsUndefined` so that the schema,
   * not an empty string, says what to choose.
   */
  placeholder?: string;
}

/** A select of a fixed list of options, with its label and its Dutch error at the field. */
export const OptionsField = forwardRef<HTMLSelectElement, OptionsFieldProps>(function OptionsField(
  { options, placeholder, ...select },
  ref,
) {
  return (
    <SelectField ref={ref} {...select}>
      {placeholder !== undefined && <SelectOption value="">{placeholder}</SelectOption>}
      {options.map((option) => (
        <SelectOption key={option.value} value={option.value}>
          {option.label}
        </SelectOption>
      ))}
    </SelectField>
  );
});

/** The values of an enum with their Dutch labels, as the options of a select or a choice group. */
export function optionsOf<V extends string>(
  values: readonly V[],
  labels: Readonly<Record<V, string>>,
): ChoiceOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** `setValueAs` of a select with an empty first option: nothing chosen is absent, not `''`. */
export const emptyAsUndefined = (value: string): string | undefined => value || undefined;

interface WholeNumberFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'inputMode'
> {
  label: string;
  description?: string;
  error?: string;
}

/**
 * A labelled field for a whole number, with the numeric keyboard on a phone. A text box, not
 * `type="number"`: the reader may type "228.000", and a browser's number box would refuse that.
 * Spread `register(path, wholeNumber)` into it (`core/whole-number.ts`).
 */
export const WholeNumberField = forwardRef<HTMLInputElement, WholeNumberFieldProps>(
  function WholeNumberField(props, ref) {
    return <TextField ref={ref} inputMode="numeric" {...props} />;
  },
);

/** A filter form's buttons: apply, and while a filter is set, a link back to the unfiltered page. */
export function FilterButtons({
  className,
  submitLabel,
  clearTo,
}: {
  className: string;
  submitLabel: string;
  /** The unfiltered page; without it (nothing filtered) there is nothing to clear. */
  clearTo?: string;
}) {
  return (
    <div className={className}>
      <Button type="submit" appearance="primary-action-button">
        {submitLabel}
      </Button>
      {clearTo && (
        <RouterLink className="utrecht-link" to={clearTo}>
          Filters wissen
        </RouterLink>
      )}
    </div>
  );
}
