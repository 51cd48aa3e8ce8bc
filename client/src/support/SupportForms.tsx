import { useEffect, useState, type ReactNode } from 'react';
import {
  useForm,
  type FieldValues,
  type Path,
  type UseFormReturn,
  type UseFormSetError,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  Alert,
  Button,
  Paragraph,
  SelectOption,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  formatDutchDate,
  caseOutcomeLabel,
  caseOutcomes,
  closeSupportSchema,
  contactKindLabel,
  contactKinds,
  goalProgresses,
  goalProgressLabel,
  isOutcomeAllowed,
  lifeDomainLabel,
  lifeDomains,
  raiseSignalSchema,
  relapsePlanInputSchema,
  signalKindLabel,
  signalKinds,
  signalSeverities,
  signalSeverityLabel,
  startSupportSchema,
  supportEntrySchema,
  openItemsAtClosing,
  transitions,
  type CloseSupport,
  type RegionOrganisation,
  type StartSupport,
} from '@uitstroom/shared';
import { ConfirmDialog, ConfirmPending, useConfirmedSubmit } from '../core/ConfirmDialog';
import { ReasonDialog } from '../core/ReasonDialog';
import { ApiError } from '../core/api';
import { SelectField, TextField } from '../core/form';
import { CheckboxField, ChoiceGroup, TextareaField } from '../core/fields';
import { messageOf } from '../core/messages';
import { todayIsoDate } from '../core/format';
import { fetchRegionOrganisations } from '../core/region';
import {
  addSupportEntry,
  answerCheck,
  closeSupport,
  fetchEscalationTables,
  raiseSignal,
  saveRelapsePlan,
  startSupport,
  type EscalationTable,
  type ProjectedSupport,
  useSupportWrite,
} from './support-api';

/**
 * The provider's and the case manager's forms of follow-up support. Each checks with the shared
 * schema before it sends; the server's answer in the one error shape lands at the field it names,
 * or above the button when it names none (a 409: the case was closed or changed meanwhile).
 */

export interface FormProps {
  caseId: string;
  /** The new support view and what to tell the reader. */
  onSaved(next: ProjectedSupport, notice: string): void;
}

const [contactSchema, intensitySchema, goalSchema, , respiteSchema] = supportEntrySchema.options;

/** A number typed in Dutch ("4,5") or empty (the schema then says what is missing). */
const parseNumber = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
};

/** The server's refusal: issues at the fields this form has, the rest (and 409s) as one message. */
function useServerFailure<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly string[],
) {
  const [failure, setFailure] = useState<string | null>(null);
  const report = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
      const placed = error.issues.filter((issue) => fields.includes(issue.path));
      for (const issue of placed) setError(issue.path as Path<T>, { message: issue.message });
      const rest = error.issues.filter((issue) => !fields.includes(issue.path));
      setFailure(
        placed.length > 0 && rest.length === 0
          ? null
          : [error.message, ...rest.map((issue) => issue.message)].join(' '),
      );
      return;
    }
    setFailure(
      error instanceof ApiError && error.code === 'VERSION_CONFLICT'
        ? `${error.message || 'Iemand anders heeft de casus net gewijzigd.'} Laad de pagina opnieuw.`
        : messageOf(error),
    );
  };
  return { failure, setFailure, report };
}

function Failure({ message }: { message: string | null }) {
  return message ? (
    <Alert type="error" role="alert">
      <Paragraph>{message}</Paragraph>
    </Alert>
  ) : null;
}

/** A form folded away until the provider opens it: the log stays readable. */
export function Fold({
  summary,
  children,
  isOpen,
  onToggle,
}: {
  summary: string;
  children: ReactNode;
  isOpen: boolean;
  onToggle(open: boolean): void;
}) {
  return (
    <details
      className="support-fold"
      open={isOpen}
      onToggle={(e) => onToggle((e.target as HTMLDetailsElement).open)}
    >
      <summary>{summary}</summary>
      {isOpen && children}
    </details>
  );
}

// ---- start ----

/**
 * Starting support. When the move-in is recorded (placements), the key handover date and the
 * landlord come from it: shown read-only and not sent (the server takes the recorded values).
 */
export function StartSupportForm({
  caseId,
  caseVersion,
  recordedMove,
  onSaved,
}: FormProps & {
  caseVersion: number;
  recordedMove: NonNullable<ProjectedSupport['recordedMove']> | null;
}) {
  const write = useSupportWrite(caseId);
  const [corporations, setCorporations] = useState<RegionOrganisation[] | null>(null);
  useEffect(() => {
    fetchRegionOrganisations()
      .then((all) => setCorporations(all.filter((o) => o.kind === 'corporation')))
      .catch(() => setCorporations([]));
  }, []);
  const form = useForm({
    resolver: zodResolver(startSupportSchema),
    defaultValues: {
      version: caseVersion,
      keyHandoverDate: recordedMove?.keyHandoverDate ?? todayIsoDate(),
      startedOn: todayIsoDate(),
      landlordOrganisationId: recordedMove?.landlordOrganisationId ?? '',
      hoursPerWeek: undefined as unknown as number,
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, setFailure, report } = useServerFailure(form.setError, [
    'keyHandoverDate',
    'startedOn',
    'landlordOrganisationId',
    'hoursPerWeek',
  ]);
  const confirmation = useConfirmedSubmit<StartSupport>();
  const submit = form.handleSubmit(confirmation.ask);
  const send = async (values: StartSupport) => {
    setFailure(null);
    const body = recordedMove
      ? { version: caseVersion, startedOn: values.startedOn, hoursPerWeek: values.hoursPerWeek }
      : { ...values, version: caseVersion };
    try {
      onSaved(
        await write.mutateAsync(() => startSupport(caseId, body)),
        'De nazorg is gestart. De casus staat nu in de nazorg.',
      );
    } catch (error) {
      report(error);
    }
  };
  return (
    <form className="support-form" noValidate onSubmit={submit} aria-label="Nazorg starten">
      {recordedMove ? (
        <Paragraph>
          U bent de nazorgaanbieder uit het besluit. De sleuteloverdracht en de verhuurder zijn bij
          de verhuizing vastgelegd. Leg de start en het aantal uren begeleiding vast om de nazorg te
          starten.
        </Paragraph>
      ) : (
        <Paragraph>
          U bent de nazorgaanbieder uit het besluit. Leg de sleuteloverdracht, de verhuurder en het
          aantal uren begeleiding vast om de nazorg te starten.
        </Paragraph>
      )}
      <div className="support-row">
        <TextField
          id="start-sleutels"
          type="date"
          label="Datum sleuteloverdracht"
          readOnly={recordedMove !== null}
          description={recordedMove ? 'Vastgelegd bij de verhuizing.' : undefined}
          error={errors.keyHandoverDate?.message}
          {...form.register('keyHandoverDate')}
        />
        <TextField
          id="start-datum"
          type="date"
          label="Start van de nazorg"
          error={errors.startedOn?.message}
          {...form.register('startedOn')}
        />
      </div>
      {recordedMove ? (
        <TextField
          id="start-verhuurder"
          label="Verhuurder (woningcorporatie)"
          readOnly
          value={recordedMove.landlordName}
          description="De corporatie die de woning aanbood; vastgelegd bij de verhuizing."
          error={errors.landlordOrganisationId?.message}
        />
      ) : (
        <SelectField
          id="start-verhuurder"
          label="Verhuurder (woningcorporatie)"
          error={errors.landlordOrganisationId?.message}
          {...form.register('landlordOrganisationId')}
        >
          <SelectOption value="">
            {corporations ? 'Kies de corporatie' : 'Corporaties laden…'}
          </SelectOption>
          {(corporations ?? []).map((c) => (
            <SelectOption key={c.id} value={c.id}>
              {c.name}
            </SelectOption>
          ))}
        </SelectField>
      )}
      <TextField
        id="start-uren"
        inputMode="decimal"
        label="Uren begeleiding per week"
        description="Bijvoorbeeld 4 of 2,5."
        error={errors.hoursPerWeek?.message}
        {...form.register('hoursPerWeek', { setValueAs: parseNumber })}
      />
      <Failure message={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Nazorg starten
      </Button>
      <ConfirmPending
        id="start-bevestigen"
        title={transitions.startAftercare.label}
        consequence={transitions.startAftercare.consequence}
        confirmLabel="Nazorg starten"
        confirmation={confirmation}
        send={send}
      />
    </form>
  );
}

// ---- the log ----

export function ContactForm({ caseId, onSaved }: FormProps) {
  const write = useSupportWrite(caseId);
  const form = useForm({
    resolver: zodResolver(contactSchema),
    defaultValues: {
      type: 'contact' as const,
      date: todayIsoDate(),
      kind: undefined as never,
      durationMinutes: undefined as unknown as number,
      note: '',
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, setFailure, report } = useServerFailure(form.setError, [
    'date',
    'kind',
    'durationMinutes',
    'note',
  ]);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(
        await write.mutateAsync(() => addSupportEntry(caseId, values)),
        'Het contact is vastgelegd.',
      );
    } catch (error) {
      report(error);
    }
  });
  return (
    <form className="support-form" noValidate onSubmit={submit} aria-label="Contact vastleggen">
      <div className="support-row">
        <TextField
          id="contact-datum"
          type="date"
          label="Datum"
          error={errors.date?.message}
          {...form.register('date')}
        />
        <SelectField
          id="contact-soort"
          label="Soort contact"
          error={errors.kind?.message}
          {...form.register('kind', { setValueAs: (v: string) => v || undefined })}
        >
          <SelectOption value="">Kies de soort</SelectOption>
          {contactKinds.map((k) => (
            <SelectOption key={k} value={k}>
              {contactKindLabel[k]}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          id="contact-duur"
          inputMode="numeric"
          label="Duur in minuten"
          error={errors.durationMinutes?.message}
          {...form.register('durationMinutes', { setValueAs: parseNumber })}
        />
      </div>
      <TextareaField
        id="contact-notitie"
        label="Korte notitie"
        description="Alleen de nazorgaanbieder en de casemanager lezen deze notitie."
        error={errors.note?.message}
        {...form.register('note')}
      />
      <Failure message={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Contact vastleggen
      </Button>
    </form>
  );
}

export function IntensityForm({
  caseId,
  onSaved,
  currentHours,
}: FormProps & { currentHours: number | null }) {
  const write = useSupportWrite(caseId);
  const form = useForm({
    resolver: zodResolver(intensitySchema),
    defaultValues: {
      type: 'intensity' as const,
      date: todayIsoDate(),
      hoursPerWeek: undefined as unknown as number,
      reason: '',
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, setFailure, report } = useServerFailure(form.setError, [
    'date',
    'hoursPerWeek',
    'reason',
  ]);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const direction =
      currentHours === null
        ? 'vastgelegd'
        : values.hoursPerWeek >= currentHours
          ? 'opgeschaald'
          : 'afgeschaald';
    try {
      onSaved(
        await write.mutateAsync(() => addSupportEntry(caseId, values)),
        `De intensiteit is ${direction} naar ${values.hoursPerWeek} uur per week.`,
      );
    } catch (error) {
      report(error);
    }
  });
  return (
    <form className="support-form" noValidate onSubmit={submit} aria-label="Intensiteit wijzigen">
      <div className="support-row">
        <TextField
          id="intensiteit-datum"
          type="date"
          label="Vanaf"
          error={errors.date?.message}
          {...form.register('date')}
        />
        <TextField
          id="intensiteit-uren"
          inputMode="decimal"
          label="Nieuw aantal uren per week"
          description={
            currentHours !== null
              ? `Nu ${currentHours} uur per week. Meer is opschalen, minder is afschalen.`
              : undefined
          }
          error={errors.hoursPerWeek?.message}
          {...form.register('hoursPerWeek', { setValueAs: parseNumber })}
        />
      </div>
      <TextareaField
        id="intensiteit-reden"
        label="Waarom"
        description="Minstens 10 tekens. De gemeente ziet de uren, niet de reden."
        error={errors.reason?.message}
        {...form.register('reason')}
      />
      <Failure message={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Intensiteit wijzigen
      </Button>
    </form>
  );
}

export function GoalForm({ caseId, onSaved }: FormProps) {
  const write = useSupportWrite(caseId);
  const form = useForm({
    resolver: zodResolver(goalSchema),
    defaultValues: {
      type: 'goal' as const,
      lifeDomain: undefined as never,
      description: '',
      progress: 'notStarted' as const,
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, setFailure, report } = useServerFailure(form.setError, [
    'lifeDomain',
    'description',
    'progress',
  ]);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(
        await write.mutateAsync(() => addSupportEntry(caseId, values)),
        'Het doel is toegevoegd.',
      );
    } catch (error) {
      report(error);
    }
  });
  return (
    <form className="support-form" noValidate onSubmit={submit} aria-label="Doel toevoegen">
      <div className="support-row">
        <SelectField
          id="doel-leefgebied"
          label="Leefgebied"
          error={errors.lifeDomain?.message}
          {...form.register('lifeDomain', { setValueAs: (v: string) => v || undefined })}
        >
          <SelectOption value="">Kies een leefgebied</SelectOption>
          {lifeDomains.map((d) => (
            <SelectOption key={d} value={d}>
              {lifeDomainLabel[d]}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField
          id="doel-voortgang"
          label="Voortgang"
          error={errors.progress?.message}
          {...form.register('progress')}
        >
          {goalProgresses.map((p) => (
            <SelectOption key={p} value={p}>
              {goalProgressLabel[p]}
            </SelectOption>
          ))}
        </SelectField>
      </div>
      <TextField
        id="doel-omschrijving"
        label="Doel"
        description="Kort en zonder diagnose: de gemeente leest de doelen mee."
        error={errors.description?.message}
        {...form.register('description')}
      />
      <Failure message={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Doel toevoegen
      </Button>
    </form>
  );
}

export function RespiteForm({ caseId, onSaved }: FormProps) {
  const write = useSupportWrite(caseId);
  const form = useForm({
    resolver: zodResolver(respiteSchema),
    defaultValues: {
      type: 'respite' as const,
      from: todayIsoDate(),
      to: todayIsoDate(),
      place: '',
      reason: '',
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, setFailure, report } = useServerFailure(form.setError, [
    'from',
    'to',
    'place',
    'reason',
  ]);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(
        await write.mutateAsync(() => addSupportEntry(caseId, values)),
        'De logeeropvang is vastgelegd.',
      );
    } catch (error) {
      report(error);
    }
  });
  return (
    <form
      className="support-form"
      noValidate
      onSubmit={submit}
      aria-label="Logeeropvang vastleggen"
    >
      <div className="support-row">
        <TextField
          id="logeren-van"
          type="date"
          label="Van"
          error={errors.from?.message}
          {...form.register('from')}
        />
        <TextField
          id="logeren-tot"
          type="date"
          label="Tot en met"
          error={errors.to?.message}
          {...form.register('to')}
        />
      </div>
      <TextField
        id="logeren-plek"
        label="Logeerplek"
        error={errors.place?.message}
        {...form.register('place')}
      />
      <TextareaField
        id="logeren-reden"
        label="Reden"
        description="Minstens 10 tekens."
        error={errors.reason?.message}
        {...form.register('reason')}
      />
      <Failure message={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Logeeropvang vastleggen
      </Button>
    </form>
  );
}

// ---- signals ----

export function SignalForm({ caseId, onSaved }: FormProps) {
  const write = useSupportWrite(caseId);
  const [isEscalating, setIsEscalating] = useState(false);
  const [tables, setTables] = useState<EscalationTable[] | null>(null);
  const [tablesFailure, setTablesFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!isEscalating || tables) return;
    fetchEscalationTables()
      .then(setTables)
      .catch((error: unknown) =>
        setTablesFailure(messageOf(error, 'De tafels konden niet worden geladen.')),
      );
  }, [isEscalating, tables]);
  const form = useForm({
    resolver: zodResolver(raiseSignalSchema),
    defaultValues: {
      kind: undefined as never,
      severity: undefined as never,
      date: todayIsoDate(),
      description: '',
      escalateToTableId: undefined,
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, setFailure, report } = useServerFailure(form.setError, [
    'kind',
    'severity',
    'date',
    'description',
    'escalateToTableId',
  ]);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    if (isEscalating && !values.escalateToTableId) {
      form.setError('escalateToTableId', { message: 'Kies een tafel.' });
      return;
    }
    const table = tables?.find((t) => t.id === values.escalateToTableId);
    try {
      onSaved(
        await write.mutateAsync(() =>
          raiseSignal(caseId, {
            ...values,
            escalateToTableId: isEscalating ? values.escalateToTableId : undefined,
          }),
        ),
        table
          ? `Het signaal is gemeld en de casus staat op de agenda van “${table.title}”. De casus blijft in de nazorg.`
          : 'Het signaal is gemeld.',
      );
    } catch (error) {
      report(error);
    }
  });
  const toggleEscalation = (checked: boolean) => {
    setIsEscalating(checked);
    if (!checked) form.unregister('escalateToTableId');
  };
  return (
    <form className="support-form" noValidate onSubmit={submit} aria-label="Signaal melden">
      <div className="support-row">
        <SelectField
          id="signaal-soort"
          label="Soort signaal"
          error={errors.kind?.message}
          {...form.register('kind', { setValueAs: (v: string) => v || undefined })}
        >
          <SelectOption value="">Kies de soort</SelectOption>
          {signalKinds.map((k) => (
            <SelectOption key={k} value={k}>
              {signalKindLabel[k]}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField
          id="signaal-ernst"
          label="Ernst"
          error={errors.severity?.message}
          {...form.register('severity', { setValueAs: (v: string) => v || undefined })}
        >
          <SelectOption value="">Kies de ernst</SelectOption>
          {signalSeverities.map((s) => (
            <SelectOption key={s} value={s}>
              {signalSeverityLabel[s]}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          id="signaal-datum"
          type="date"
          label="Datum"
          error={errors.date?.message}
          {...form.register('date')}
        />
      </div>
      <TextareaField
        id="signaal-omschrijving"
        label="Omschrijving"
        description="Minstens 10 tekens. Alleen de nazorgaanbieder en de casemanager lezen de omschrijving; de corporatie en de gemeente horen alleen de soort."
        error={errors.description?.message}
        {...form.register('description')}
      />
      <CheckboxField
        id="signaal-escaleren"
        label="Op de agenda van een tafel zetten (escalatie)"
        checked={isEscalating}
        onChange={(e) => toggleEscalation(e.target.checked)}
        description="De casus blijft in de nazorg; de tafel bespreekt hem."
      />
      {isEscalating &&
        (tablesFailure ? (
          <Alert type="error">
            <Paragraph>{tablesFailure}</Paragraph>
          </Alert>
        ) : (
          <SelectField
            id="signaal-tafel"
            label="Tafel"
            error={errors.escalateToTableId?.message}
            {...form.register('escalateToTableId', { setValueAs: (v: string) => v || undefined })}
          >
            <SelectOption value="">
              {tables
                ? tables.length
                  ? 'Kies een tafel'
                  : 'Er is geen tafel gepland'
                : 'Tafels laden…'}
            </SelectOption>
            {(tables ?? []).map((t) => (
              <SelectOption key={t.id} value={t.id}>
                {t.title} ({formatTableDate(t.startsAt)})
              </SelectOption>
            ))}
          </SelectField>
        ))}
      <Failure message={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        {isEscalating ? 'Signaal melden en escaleren' : 'Signaal melden'}
      </Button>
    </form>
  );
}

const formatTableDate = (iso: string) => formatDutchDate(iso);

// ---- the relapse-prevention plan ----

export function PlanForm({
  caseId,
  onSaved,
  plan,
}: FormProps & { plan: ProjectedSupport['plan'] }) {
  const write = useSupportWrite(caseId);
  const form = useForm({
    resolver: zodResolver(relapsePlanInputSchema),
    defaultValues: {
      basedOnVersion: plan?.version ?? 0,
      whoTakesOver: plan?.whoTakesOver ?? '',
      howToScaleUp: plan?.howToScaleUp ?? '',
      finalSay: plan?.finalSay ?? '',
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, setFailure, report } = useServerFailure(form.setError, [
    'whoTakesOver',
    'howToScaleUp',
    'finalSay',
  ]);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const next = await write.mutateAsync(() => saveRelapsePlan(caseId, values));
      onSaved(
        next,
        `Versie ${next.plan?.version ?? ''} van het terugvalpreventieplan is opgeslagen. De gemeente stemt er nu mee in.`,
      );
    } catch (error) {
      report(error);
    }
  });
  return (
    <form
      className="support-form"
      noValidate
      onSubmit={submit}
      aria-label="Terugvalpreventieplan opstellen"
    >
      <TextareaField
        id="plan-wie"
        label="Wie neemt het over als het misgaat"
        description="Minstens 10 tekens."
        error={errors.whoTakesOver?.message}
        {...form.register('whoTakesOver')}
      />
      <TextareaField
        id="plan-opschalen"
        label="Hoe schalen we op"
        description="Minstens 10 tekens."
        error={errors.howToScaleUp?.message}
        {...form.register('howToScaleUp')}
      />
      <TextField
        id="plan-laatste-woord"
        label="Wie heeft het laatste woord"
        error={errors.finalSay?.message}
        {...form.register('finalSay')}
      />
      <Failure message={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        {plan ? `Nieuwe versie opslaan (nu versie ${plan.version})` : 'Plan opslaan'}
      </Button>
    </form>
  );
}

// ---- follow-up checks ----

const yesNo = (error: string) => z.enum(['ja', 'nee'], { error }).transform((v) => v === 'ja');
const checkFormSchema = z.object({
  stillLivesThere: yesNo('Woont de bewoner er nog? Kies ja of nee.'),
  tenancyConverted: yesNo('Staat het huurcontract op eigen naam? Kies ja of nee.'),
});

export function CheckForm({
  caseId,
  checkId,
  months,
  onSaved,
}: FormProps & { checkId: string; months: number }) {
  const write = useSupportWrite(caseId);
  const form = useForm({
    resolver: zodResolver(checkFormSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, setFailure, report } = useServerFailure(form.setError, [
    'stillLivesThere',
    'tenancyConverted',
  ]);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(
        await write.mutateAsync(() => answerCheck(caseId, checkId, values)),
        `De nameting na ${months} maanden is beantwoord.`,
      );
    } catch (error) {
      report(error);
    }
  });
  const options = [
    { value: 'ja', label: 'Ja' },
    { value: 'nee', label: 'Nee' },
  ];
  return (
    <form
      className="support-form"
      noValidate
      onSubmit={submit}
      aria-label={`Nameting na ${months} maanden`}
    >
      <ChoiceGroup
        id={`nameting-${months}-woont`}
        type="radio"
        legend="Woont de bewoner er nog?"
        options={options}
        error={errors.stillLivesThere?.message}
        registration={form.register('stillLivesThere')}
      />
      <ChoiceGroup
        id={`nameting-${months}-huur`}
        type="radio"
        legend="Staat het huurcontract op eigen naam?"
        options={options}
        error={errors.tenancyConverted?.message}
        registration={form.register('tenancyConverted')}
      />
      <Failure message={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Nameting beantwoorden
      </Button>
    </form>
  );
}

// ---- closing ----

/** After a move the case ends where the resident lives now, or in dropping out (the `close` step's outcomes). */
const closingOutcomes = caseOutcomes.filter((o) => isOutcomeAllowed('close', o));
const openItemsReasonSchema = closeSupportSchema.shape.openItemsReason.unwrap();

export function CloseForm({
  caseId,
  caseVersion,
  startedOn,
  signals,
  openPreconditions,
  onSaved,
}: FormProps & {
  caseVersion: number;
  startedOn: string | null;
  signals: ProjectedSupport['signals'];
  openPreconditions: ProjectedSupport['openPreconditions'];
}) {
  const write = useSupportWrite(caseId);
  const form = useForm({
    resolver: zodResolver(closeSupportSchema),
    defaultValues: { version: caseVersion, outcome: undefined as never, closedOn: todayIsoDate() },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { isSubmitting } = form.formState;
  const { failure, setFailure, report } = useServerFailure(form.setError, ['outcome', 'closedOn']);
  const confirmation = useConfirmedSubmit<CloseSupport>();
  const submit = form.handleSubmit(confirmation.ask);
  const send = async (values: CloseSupport) => {
    setFailure(null);
    onSaved(
      await write.mutateAsync(() => closeSupport(caseId, { ...values, version: caseVersion })),
      `De casus is afgesloten met de uitkomst “${caseOutcomeLabel[values.outcome]}”. Alleen de nametingen staan nog open.`,
    );
  };
  return (
    <>
      <form className="support-form" noValidate onSubmit={submit} aria-label="Casus afsluiten">
        <Paragraph>
          Sluit de nazorg af met een uitkomst en een datum. Daarna is het logboek alleen nog te
          lezen; de nametingen na 6 en 12 maanden blijven open.
        </Paragraph>
        <CloseFields form={form} startedOn={startedOn} />
        <Failure message={failure} />
        <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
          Casus afsluiten
        </Button>
      </form>
      {confirmation.pending && (
        <CloseDialog
          values={confirmation.pending}
          openItems={openItemsAtClosing({
            signals: signals ?? [],
            preconditions: openPreconditions ?? [],
            closedOn: confirmation.pending.closedOn,
          })}
          onClose={confirmation.close}
          onConfirm={async (openItemsReason) => {
            try {
              await send({ ...confirmation.pending!, openItemsReason });
            } catch (error) {
              // A field of the form (outcome, date) is shown at the form; anything else in the dialog.
              if (!(error instanceof ApiError && error.code === 'VALIDATION_FAILED')) throw error;
              if (error.issues.some((i) => i.path === 'openItemsReason')) throw error;
              report(error);
            }
            confirmation.close();
          }}
        />
      )}
    </>
  );
}

type CloseFormApi = UseFormReturn<CloseSupport>;

function CloseFields({ form, startedOn }: { form: CloseFormApi; startedOn: string | null }) {
  const { errors } = form.formState;
  return (
    <div className="support-row">
      <SelectField
        id="afsluiten-uitkomst"
        label="Uitkomst"
        error={errors.outcome?.message}
        {...form.register('outcome', { setValueAs: (v: string) => v || undefined })}
      >
        <SelectOption value="">Kies de uitkomst</SelectOption>
        {closingOutcomes.map((o) => (
          <SelectOption key={o} value={o}>
            {caseOutcomeLabel[o]}
          </SelectOption>
        ))}
      </SelectField>
      <TextField
        id="afsluiten-datum"
        type="date"
        label="Datum van afsluiten"
        min={startedOn ?? undefined}
        max={todayIsoDate()}
        description={startedOn ? 'Tussen de start van de nazorg en vandaag.' : undefined}
        error={errors.closedOn?.message}
        {...form.register('closedOn')}
      />
    </div>
  );
}

/**
 * The question before closing (issue 27.1): what follows, who is told, and what is still open
 * (signals of the last months, preconditions not done). With anything open, a reason is asked.
 */
function CloseDialog({
  values,
  openItems,
  onClose,
  onConfirm,
}: {
  values: CloseSupport;
  openItems: string[];
  onClose(): void;
  onConfirm(openItemsReason: string | undefined): Promise<void>;
}) {
  const title = `Afsluiten met de uitkomst “${caseOutcomeLabel[values.outcome]}”`;
  const consequence = transitions.close.consequence;
  if (openItems.length === 0)
    return (
      <ConfirmDialog
        id="afsluiten-bevestigen"
        title={title}
        consequence={consequence}
        confirmLabel="Casus afsluiten"
        onClose={onClose}
        onConfirm={() => onConfirm(undefined)}
      />
    );
  return (
    <ReasonDialog
      id="afsluiten-bevestigen"
      title={title}
      consequence={consequence}
      label="Reden om toch af te sluiten"
      submitLabel="Toch afsluiten"
      schema={openItemsReasonSchema}
      onClose={onClose}
      onSubmit={onConfirm}
    >
      <Alert type="warning">
        <Paragraph>Er staat nog open:</Paragraph>
        <UnorderedList>
          {openItems.map((item) => (
            <UnorderedListItem key={item}>{item}</UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </ReasonDialog>
  );
}
