import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
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
  Select,
  Textarea,
} from '@utrecht/component-library-react';

/**
 * Fields of the try-out form in the house style of `core/form.tsx`: a label, an optional
 * description, the Dutch error at the field, all tied to the input by id and aria-describedby.
 * Each takes a fixed id, so that the list of problems can link to the field.
 */

function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  return [description ? `${id}-omschrijving` : null, error ? `${id}-fout` : null].filter(Boolean).join(' ') || undefined;
}

function FieldNotes({ id, description, error }: { id: string; description?: ReactNode; error?: string }) {
  return (
    <>
      {description && <FormFieldDescription id={`${id}-omschrijving`}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-fout`}>{error}</FormFieldErrorMessage>}
    </>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  id: string;
  label: string;
  description?: ReactNode;
  error?: string;
  children: ReactNode;
}

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField({ id, label, description, error, children, ...select }, ref) {
  return (
    <FormField type="select" invalid={!!error} className="tryout-field">
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </Paragraph>
      <FieldNotes id={id} description={description} error={error} />
      <Paragraph className="utrecht-form-field__input">
        <Select id={id} ref={ref} invalid={!!error} aria-describedby={describedBy(id, description, error)} {...select}>
          {children}
        </Select>
      </Paragraph>
    </FormField>
  );
});

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  id: string;
  label: string;
  description?: ReactNode;
  error?: string;
}

export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(function TextareaField({ id, label, description, error, ...textarea }, ref) {
  return (
    <FormField type="text" invalid={!!error} className="tryout-field">
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </Paragraph>
      <FieldNotes id={id} description={description} error={error} />
      <Paragraph className="utrecht-form-field__input">
        <Textarea id={id} ref={ref} rows={3} invalid={!!error} aria-describedby={describedBy(id, description, error)} {...textarea} />
      </Paragraph>
    </FormField>
  );
});

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
}

export const CheckboxField = forwardRef<HTMLInputElement, CheckboxFieldProps>(function CheckboxField({ id, label, description, error, ...input }, ref) {
  return (
    <FormField type="checkbox" invalid={!!error} className="tryout-field">
      <div className="utrecht-form-field__input">
        <Checkbox id={id} ref={ref} invalid={!!error} aria-describedby={describedBy(id, description, error)} {...input} />
      </div>
      <Paragraph className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox">{label}</FormLabel>
      </Paragraph>
      <FieldNotes id={id} description={description} error={error} />
    </FormField>
  );
});

export interface ChoiceOption {
  readonly value: string;
  readonly label: ReactNode;
}

interface ChoiceGroupProps {
  /** The id of the first option, which links to the group. */
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

/** A group of options in a fieldset, its legend naming the question. */
export function ChoiceGroup({ id, legend, description, error, options, type, registration, className }: ChoiceGroupProps) {
  const Input = type === 'radio' ? RadioButton : Checkbox;
  return (
    <Fieldset
      invalid={!!error}
      role={type === 'radio' ? 'radiogroup' : undefined}
      aria-describedby={describedBy(id, description, error)}
      className={['tryout-choices', className].filter(Boolean).join(' ')}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      <FieldNotes id={id} description={description} error={error} />
      <div className="tryout-choices__options">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <FormField key={option.value} type={type} className="tryout-choices__option">
              <div className="utrecht-form-field__input">
                <Input id={optionId} value={option.value} invalid={!!error} {...registration} />
              </div>
              <Paragraph className={`utrecht-form-field__label utrecht-form-field__label--${type}`}>
                <FormLabel htmlFor={optionId} type={type}>{option.label}</FormLabel>
              </Paragraph>
            </FormField>
          );
        })}
      </div>
    </Fieldset>
  );
}
