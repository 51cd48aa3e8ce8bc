import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import {
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Paragraph,
} from '@utrecht/component-library-react';
import {
  agreementPeriodOn,
  agreementSchema,
  dutchToday,
  formatDutchDate,
  targetGroupLabel,
  targetGroups,
  type RuleSetConfig,
} from '@uitstroom/shared';
import { TextField } from '../core/form';
import { CheckboxField, WholeNumberField } from '../core/fields';
import { fieldId, wholeNumberFieldOf } from './rule-set-form';

/** What each part of the rule-set form gets of react-hook-form. */
export interface RuleSetFieldsProps {
  register: UseFormRegister<RuleSetConfig>;
  errors: FieldErrors<RuleSetConfig>;
}

/** The target groups of the region's Akkoord: at least one. */
export function TargetGroupsFieldset({ register, errors }: RuleSetFieldsProps) {
  const errorId = `${fieldId('targetGroups')}-fout`;
  return (
    <Fieldset
      className="rule-set-fieldset"
      id={fieldId('targetGroups')}
      aria-describedby={errors.targetGroups ? errorId : undefined}
    >
      <FieldsetLegend>Doelgroepen</FieldsetLegend>
      {errors.targetGroups?.message && (
        <FormFieldErrorMessage id={errorId}>{errors.targetGroups.message}</FormFieldErrorMessage>
      )}
      {targetGroups.map((group) => (
        <CheckboxField
          key={group}
          id={`${fieldId('targetGroups')}-${group}`}
          value={group}
          label={targetGroupLabel[group]}
          {...register('targetGroups')}
        />
      ))}
    </Fieldset>
  );
}

/** The ages of young people from extended youth care. */
export function YouthAgeBandFieldset({ register, errors }: RuleSetFieldsProps) {
  const number = wholeNumberFieldOf(register, errors);
  return (
    <Fieldset className="rule-set-fieldset">
      <FieldsetLegend>Jongeren uit verlengde jeugdzorg</FieldsetLegend>
      <Paragraph className="rule-set-note">
        Vanaf de verjaardag van de eerste leeftijd tot de verjaardag van de tweede (in Flevoland: 18
        tot 23 jaar).
      </Paragraph>
      <div className="rule-set-row">
        <WholeNumberField label="Vanaf leeftijd" {...number('youthAgeBand.from')} />
        <WholeNumberField label="Tot leeftijd" {...number('youthAgeBand.until')} />
      </div>
    </Fieldset>
  );
}

/** "Vandaag valt in …": which agreement period the entered dates give for today (display only). */
function CurrentPeriodNote({ control }: { control: Control<RuleSetConfig> }) {
  const agreement = useWatch({ control, name: 'agreement' });
  const today = dutchToday();
  const parsed = agreementSchema.safeParse(agreement);
  if (!parsed.success || parsed.data.firstPeriodEnd < parsed.data.firstPeriodStart) return null;
  const period = agreementPeriodOn({ agreement: parsed.data }, today);
  const which = period.index === 0 ? 'de eerste periode' : `verlenging ${period.index}`;
  return (
    <Paragraph className="rule-set-note" aria-live="polite">
      Vandaag valt in {which}: {formatDutchDate(period.start)} t/m {formatDutchDate(period.end)}. De
      verdeling naar inwoneraantal telt per periode opnieuw.
    </Paragraph>
  );
}

/** The Akkoord's first period and its extensions; the distribution counts per period. */
export function AgreementFieldset({
  register,
  errors,
  control,
}: RuleSetFieldsProps & { control: Control<RuleSetConfig> }) {
  const number = wholeNumberFieldOf(register, errors);
  return (
    <Fieldset className="rule-set-fieldset">
      <FieldsetLegend>Akkoordperiode</FieldsetLegend>
      <Paragraph className="rule-set-note">
        De eerste periode van het regionale akkoord, daarna verlengd met een vast aantal jaren.
      </Paragraph>
      <div className="rule-set-row">
        <TextField
          id={fieldId('agreement.firstPeriodStart')}
          type="date"
          label="Begin eerste periode"
          error={errors.agreement?.firstPeriodStart?.message}
          {...register('agreement.firstPeriodStart')}
        />
        <TextField
          id={fieldId('agreement.firstPeriodEnd')}
          type="date"
          label="Laatste dag eerste periode"
          error={errors.agreement?.firstPeriodEnd?.message}
          {...register('agreement.firstPeriodEnd')}
        />
        <WholeNumberField
          label="Verlenging telkens met (jaren)"
          {...number('agreement.extensionYears')}
        />
      </div>
      <CurrentPeriodNote control={control} />
    </Fieldset>
  );
}

/** The days that time the tables, the signals and the flags. */
export function TablesAndSignalsFieldset({ register, errors }: RuleSetFieldsProps) {
  const number = wholeNumberFieldOf(register, errors);
  return (
    <Fieldset className="rule-set-fieldset">
      <FieldsetLegend>Tafels en signalen</FieldsetLegend>
      <div className="rule-set-stack">
        <WholeNumberField
          label="Agenda delen (dagen vóór de tafel)"
          description="Kalenderdagen: het weekend telt mee."
          {...number('agendaPublicationDays')}
        />
        <WholeNumberField
          label="Signaal stilstand na (dagen)"
          description="Zonder activiteit in een casus."
          {...number('stalledCaseDays')}
        />
        <WholeNumberField
          label="Streeftermijn wachttijd (dagen)"
          description="Van uitstroomgereed tot een woning (3 maanden is 90 dagen). Wie langer wacht, wordt gemarkeerd."
          {...number('waitingTargetDays')}
        />
        <WholeNumberField
          label="Termijn antwoord op woningaanbod (dagen)"
          description="Een aanbod zonder antwoord van de bewoner na deze termijn wordt gemarkeerd bij de casemanager en de corporatie."
          {...number('offerAnswerDays')}
        />
        <WholeNumberField
          label="Drempel wijkbelasting"
          description="Verhuizingen per wijk in de afgelopen 12 maanden waarbij een waarschuwing verschijnt."
          {...number('neighbourhoodLoadThreshold')}
        />
      </div>
    </Fieldset>
  );
}

/** How long closed cases are kept, and whether everyone signs in with two steps. */
export function RetentionFieldset({ register, errors }: RuleSetFieldsProps) {
  const number = wholeNumberFieldOf(register, errors);
  return (
    <Fieldset className="rule-set-fieldset">
      <FieldsetLegend>Bewaren en beveiliging</FieldsetLegend>
      <WholeNumberField
        label="Bewaartermijn afgesloten casussen (jaren)"
        description="Daarna worden de persoonsgegevens van de casus gewist. Stem de termijn af met uw privacyfunctionaris."
        {...number('retentionYears')}
      />
      <CheckboxField
        id={fieldId('twoFactorRequired')}
        label="Tweestapsverificatie verplicht voor iedereen in de regio"
        description="Inloggen met wachtwoord én een code uit een authenticator-app."
        {...register('twoFactorRequired')}
      />
    </Fieldset>
  );
}
