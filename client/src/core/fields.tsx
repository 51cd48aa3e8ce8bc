import {
  forwardRef,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  RadioButton,
  Textarea,
} from '@utrecht/component-library-react';
import { TextField } from './form';

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

/** `identity.birthDate` → `veld-identity-birthDate`: the id of a field, for links from summaries. */
export function fieldId(path: string): string {
  return `veld-${path.replace(/\./g, '-')}`;
}

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
