import { useRef, type InputHTMLAttributes } from 'react';
import {
  useFieldArray,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from 'react-hook-form';
import {
  Button,
  FormFieldErrorMessage,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import {
  amsterdamYear,
  formatDutchInteger,
  formatDutchPercentage,
  type RuleSetConfig,
} from '@uitstroom/shared';
import { fieldId, newMunicipality, parseWholeNumber } from './rule-set-form';

interface Props {
  control: Control<RuleSetConfig>;
  register: UseFormRegister<RuleSetConfig>;
  errors: FieldErrors<RuleSetConfig>;
  /** Codes of the saved version: those rows keep their code (a new code is a new municipality). */
  savedCodes: ReadonlySet<string>;
}

/** One input in a cell, labelled for a screen reader by the row and column it sits in. */
function CellInput({
  path,
  label,
  error,
  className,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  path: string;
  label: string;
  error?: string;
}) {
  const id = fieldId(path);
  return (
    <>
      <Textbox
        id={id}
        aria-label={label}
        invalid={!!error}
        aria-describedby={error ? `${id}-fout` : undefined}
        className={className}
        {...input}
      />
      {error && <FormFieldErrorMessage id={`${id}-fout`}>{error}</FormFieldErrorMessage>}
    </>
  );
}

/** The region's municipalities: CBS code, name, population and its reference year, with their share. */
export function MunicipalitiesTable({ control, register, errors, savedCodes }: Props) {
  const { fields, append, remove } = useFieldArray({ control, name: 'municipalities' });
  const rows = useWatch({ control, name: 'municipalities' }) ?? [];
  const addButton = useRef<HTMLButtonElement>(null);
  const populations = rows.map((row) =>
    Number.isInteger(row?.population) && row.population > 0 ? row.population : 0,
  );
  const total = populations.reduce((sum, population) => sum + population, 0);
  const listError = errors.municipalities?.root?.message ?? errors.municipalities?.message;
  const latestYear = Math.max(
    0,
    ...rows.map((row) => (Number.isInteger(row?.populationYear) ? row.populationYear : 0)),
  );

  return (
    <div className="rule-set-municipalities" id={fieldId('municipalities')} tabIndex={-1}>
      {listError && (
        <FormFieldErrorMessage id={`${fieldId('municipalities')}-fout`}>
          {listError}
        </FormFieldErrorMessage>
      )}
      <div className="rule-set-table-scroll">
        <Table className="rule-set-table">
          <TableCaption className="visually-hidden">
            Gemeenten van de regio met hun inwoneraantal
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">CBS-code</TableHeaderCell>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">Inwoners</TableHeaderCell>
              <TableHeaderCell scope="col">Peiljaar</TableHeaderCell>
              <TableHeaderCell scope="col" className="rule-set-table__number">
                Aandeel
              </TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="visually-hidden">Acties</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {fields.map((field, index) => {
              const rowErrors = errors.municipalities?.[index];
              const name = rows[index]?.name?.trim() || `gemeente ${index + 1}`;
              const isSaved = savedCodes.has(field.code);
              return (
                <TableRow key={field.id}>
                  <TableCell>
                    {isSaved ? (
                      <>
                        <span className="rule-set-table__code">{field.code}</span>
                        <input type="hidden" {...register(`municipalities.${index}.code`)} />
                      </>
                    ) : (
                      <CellInput
                        path={`municipalities.${index}.code`}
                        label={`CBS-code ${name}`}
                        error={rowErrors?.code?.message}
                        className="rule-set-table__code-input"
                        placeholder="GM0000"
                        autoComplete="off"
                        spellCheck={false}
                        {...register(`municipalities.${index}.code`, {
                          setValueAs: (v: unknown) =>
                            typeof v === 'string' ? v.trim().toUpperCase() : v,
                        })}
                      />
                    )}
                  </TableCell>
                  <TableCell>
                    <CellInput
                      path={`municipalities.${index}.name`}
                      label={`Naam ${name}`}
                      error={rowErrors?.name?.message}
                      autoComplete="off"
                      {...register(`municipalities.${index}.name`)}
                    />
                  </TableCell>
                  <TableCell>
                    <CellInput
                      path={`municipalities.${index}.population`}
                      label={`Inwoners ${name}`}
                      error={rowErrors?.population?.message}
                      className="rule-set-table__population"
                      inputMode="numeric"
                      autoComplete="off"
                      {...register(`municipalities.${index}.population`, {
                        setValueAs: parseWholeNumber,
                      })}
                    />
                  </TableCell>
                  <TableCell>
                    <CellInput
                      path={`municipalities.${index}.populationYear`}
                      label={`Peiljaar inwoners ${name}`}
                      error={rowErrors?.populationYear?.message}
                      className="rule-set-table__year"
                      inputMode="numeric"
                      autoComplete="off"
                      {...register(`municipalities.${index}.populationYear`, {
                        setValueAs: parseWholeNumber,
                      })}
                    />
                  </TableCell>
                  <TableCell className="rule-set-table__number">
                    {total > 0 && populations[index]
                      ? formatDutchPercentage((populations[index] ?? 0) / total, 1)
                      : '–'}
                  </TableCell>
                  <TableCell>
                    <Button
                      appearance="subtle-button"
                      type="button"
                      onClick={() => {
                        remove(index);
                        addButton.current?.focus();
                      }}
                    >
                      Verwijderen<span className="visually-hidden"> {name}</span>
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableHeaderCell scope="row" colSpan={2}>
                Totaal
              </TableHeaderCell>
              <TableCell>{formatDutchInteger(total)}</TableCell>
              <TableCell colSpan={3} />
            </TableRow>
          </TableFooter>
        </Table>
      </div>
      <Paragraph>
        <Button
          ref={addButton}
          appearance="secondary-action-button"
          type="button"
          onClick={() => append(newMunicipality(latestYear || amsterdamYear(new Date())))}
        >
          Gemeente toevoegen
        </Button>
      </Paragraph>
    </div>
  );
}
