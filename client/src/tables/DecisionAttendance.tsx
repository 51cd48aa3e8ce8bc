import {
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  SelectOption,
} from '@utrecht/component-library-react';
import { seatLabel } from '@uitstroom/shared';
import { SelectField } from '../core/form';
import { CheckboxField, ChoiceGroup, TextareaField } from '../core/fields';
import { seatsAtTable, type Attendee, type DecisionPartProps } from './decision-form';

/** Who sat at the table, in which seat, and what each organisation said: one row per organisation. */
export function AttendanceFieldset({
  attendees,
  ...part
}: DecisionPartProps & { attendees: readonly Attendee[] }) {
  const error = part.form.formState.errors.attendance?.message;
  const errorId = `${part.id('attendance')}-fout`;
  return (
    <Fieldset
      className="decision-form__group"
      invalid={!!error}
      aria-describedby={error ? errorId : undefined}
    >
      <FieldsetLegend>Aanwezig en standpunt</FieldsetLegend>
      <FormFieldDescription>
        Vink aan wie er aan tafel zat, met de rol waarin. Leg per organisatie vast of zij akkoord
        gaat of bezwaar maakt, met de reden van een bezwaar.
      </FormFieldDescription>
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <ul className="attendance" id={part.id('attendance')} tabIndex={-1}>
        {attendees.map((attendee, row) => (
          <AttendanceRow key={attendee.id} {...part} attendee={attendee} row={row} />
        ))}
      </ul>
    </Fieldset>
  );
}

function AttendanceRow({
  form,
  values,
  id,
  attendee,
  row,
}: DecisionPartProps & { attendee: Attendee; row: number }) {
  const value = values.attendance?.[row];
  const seats = seatsAtTable(attendee.kind);
  const rowErrors = form.formState.errors.attendance?.[row];
  return (
    <li className={`attendance__row${value?.isPresent ? '' : ' attendance__row--absent'}`}>
      <CheckboxField
        id={id(`attendance.${row}.isPresent`)}
        label={
          <>
            {attendee.name}
            {seats.length === 1 ? (
              <span className="attendance__seat"> ({seatLabel[seats[0]!]})</span>
            ) : null}
          </>
        }
        {...form.register(`attendance.${row}.isPresent`)}
      />
      {value?.isPresent && (
        <div className="attendance__details">
          {seats.length > 1 && (
            <SelectField
              id={id(`attendance.${row}.seat`)}
              label={`Rol van ${attendee.name}`}
              {...form.register(`attendance.${row}.seat`)}
            >
              {seats.map((seat) => (
                <SelectOption key={seat} value={seat}>
                  {seatLabel[seat]}
                </SelectOption>
              ))}
            </SelectField>
          )}
          <ChoiceGroup
            id={id(`attendance.${row}.position`)}
            type="radio"
            className="case-choices--inline"
            legend={`Standpunt van ${attendee.name}`}
            error={rowErrors?.position?.message}
            registration={form.register(`attendance.${row}.position`)}
            options={[
              { value: 'agree', label: 'Akkoord' },
              { value: 'object', label: 'Bezwaar' },
              { value: '', label: 'Geen standpunt' },
            ]}
          />
          {value.position === 'object' && (
            <TextareaField
              id={id(`attendance.${row}.reason`)}
              label={`Reden van het bezwaar van ${attendee.name}`}
              rows={2}
              description="Minstens 10 tekens."
              error={rowErrors?.reason?.message}
              {...form.register(`attendance.${row}.reason`)}
            />
          )}
        </div>
      )}
    </li>
  );
}
