import { useRef, type InputHTMLAttributes } from 'react';
import {
  useFieldArray,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormRegister,
  type UseFormRegisterReturn,
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
import { wholeNumber } from '../core/whole-number';
import { fieldId, newMunicipality } from './rule-set-form';

interface Props {
  control: Control<RuleSetConfig>;
  register: UseFormRegister<RuleSetConfig>;
  errors: FieldErrors<RuleSetConfig>;
  /** Codes of the saved version: those rows keep their code (a new code is a new municipality). */
  savedCodes: ReadonlySet<string>;
}

/** A typed CBS code as the schema reads it: no spaces around, capitals ("gm0034" → "GM0034"). */
const toCode = (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

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

/** The CBS code of a row: typed in a new row; a saved row keeps its code (a new code is a new municipality). */
function CodeInput({
  path,
  code,
  name,
  isSaved,
  error,
  registration,
}: {
  path: string;
  code: string;
  name: string;
  isSaved: boolean;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  if (isSaved)
    return (
      <>
        <span className="rule-set-table__code">{code}</span>
        <input type="hidden" {...registration} />
      </>
    );
  return (
    <CellInput
      path={path}
      label={`CBS-code ${name}`}
      error={error}
      className="rule-set-table__code-input"
      placeholder="GM0000"
      autoComplete="off"
      spellCheck={false}
      {...registration}
    />
  );
}

/** The row of one municipality: its inputs, its share of the region's population, removing it. */
function MunicipalityRow({
  index,
  code,
  name,
  share,
  isSaved,
  onRemove,
  ...fields
}: Omit<Props, 'control' | 'savedCodes'> & {
  index: number;
  /** The code the row started with (a saved one cannot change). */
  code: string;
  /** How the row is named to a screen reader: the typed name, or "gemeente 3". */
  name: string;
  share: string;
  isSaved: boolean;
  onRemove(): void;
}) {
  const { register, errors } = fields;
  const rowErrors = errors.municipalities?.[index];
  // The code first: a new row's first registered field takes the focus (react-hook-form's append).
  const codeRegistration = register(
    `municipalities.${index}.code`,
    isSaved ? undefined : { setValueAs: toCode },
  );
  return (
    <TableRow>
      <TableCell>
        <CodeInput
          path={`municipalities.${index}.code`}
          code={code}
          name={name}
          isSaved={isSaved}
          error={rowErrors?.code?.message}
          registration={codeRegistration}
        />
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
          {...register(`municipalities.${index}.population`, wholeNumber)}
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
          {...register(`municipalities.${index}.populationYear`, wholeNumber)}
        />
      </TableCell>
      <TableCell className="rule-set-table__number">{share}</TableCell>
      <TableCell>
        <Button appearance="subtle-button" type="button" onClick={onRemove}>
          Verwijderen<span className="visually-hidden"> {name}</span>
        </Button>
      </TableCell>
    </TableRow>
  );
}

function TableHead() {
  return (
    <>
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
  const shareOf = (index: number) =>
    total > 0 && populations[index]
      ? formatDutchPercentage((populations[index] ?? 0) / total, 1)
      : '–';

  return (
    <div className="rule-set-municipalities" id={fieldId('municipalities')} tabIndex={-1}>
      {listError && (
        <FormFieldErrorMessage id={`${fieldId('municipalities')}-fout`}>
          {listError}
        </FormFieldErrorMessage>
      )}
      <div className="rule-set-table-scroll">
        <Table className="rule-set-table">
          <TableHead />
          <TableBody>
            {fields.map((field, index) => (
              <MunicipalityRow
                key={field.id}
                index={index}
                code={field.code}
                name={rows[index]?.name?.trim() || `gemeente ${index + 1}`}
                share={shareOf(index)}
                isSaved={savedCodes.has(field.code)}
                register={register}
                errors={errors}
                onRemove={() => {
                  remove(index);
                  addButton.current?.focus();
                }}
              />
            ))}
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
