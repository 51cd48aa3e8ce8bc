import {
  forwardRef,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from 'react';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Select,
  Textbox,
} from '@utrecht/component-library-react';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  description?: string;
  error?: string;
}

/** A labelled text field with its Dutch error at the field; spreads react-hook-form's `register`. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, description, error, id, ...input },
  ref,
) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const descriptionId = `${inputId}-omschrijving`;
  const errorId = `${inputId}-fout`;
  const describedBy =
    [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <FormField type="text" invalid={!!error}>
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={inputId}>{label}</FormLabel>
      </Paragraph>
      {description && <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <Paragraph className="utrecht-form-field__input">
        <Textbox
          id={inputId}
          ref={ref}
          invalid={!!error}
          aria-describedby={describedBy}
          {...input}
        />
      </Paragraph>
    </FormField>
  );
});

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  description?: ReactNode;
  error?: string;
  children: ReactNode;
}

/** A labelled select with its Dutch error at the field; spreads react-hook-form's `register`. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, description, error, children, id, ...select },
  ref,
) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const descriptionId = `${selectId}-omschrijving`;
  const errorId = `${selectId}-fout`;
  const describedBy =
    [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <FormField type="select" invalid={!!error}>
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={selectId}>{label}</FormLabel>
      </Paragraph>
      {description && <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <Paragraph className="utrecht-form-field__input">
        <Select
          id={selectId}
          ref={ref}
          invalid={!!error}
          aria-describedby={describedBy}
          {...select}
        >
          {children}
        </Select>
      </Paragraph>
    </FormField>
  );
});
