import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  Link as RouterLink,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router';
import { useForm, type Resolver, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { caseStateLabel } from '@uitstroom/shared';
import { FailureAlert } from '../core/FailureAlert';
import { caseTitle } from '../core/format';
import { useRegionMunicipalities, type RegionMunicipalities } from '../core/region';
import { useCan, useMe } from '../core/session';
import type { ProjectedCase } from './case-api';
import {
  emptyIntakeValues,
  intakeResolverSchema,
  intakeSteps,
  isStepSlug,
  type IntakeSection,
  type IntakeStepSlug,
  type IntakeValues,
} from './intake-form';
import {
  AddressesStep,
  HousingNeedsStep,
  ResidentStep,
  SensitiveStep,
  StayStep,
  SupportStep,
  WishesStep,
} from './intake-steps';
import { ConflictPanel, ConflictsElsewhere, RestoredNotice, SaveStatusLine } from './IntakeNotices';
import { IntakeReviewStep } from './IntakeReviewStep';
import { useIntakeAutosave } from './use-intake-autosave';
import { useIntakeCase } from './use-intake-case';
import '../core/layout.css';

/** `/casussen/nieuw` and `/casussen/:caseId/intake`: the case manager's intake, step by step, saved as it is typed. */
export function IntakePage() {
  const can = useCan();
  const { caseId } = useParams();
  if (!can('case:create')) {
    return (
      <>
        <Heading level={1}>Aanmelding</Heading>
        <Alert type="info">
          <Paragraph>Alleen een casemanager meldt bewoners aan en vult het dossier.</Paragraph>
        </Alert>
      </>
    );
  }
  return <IntakeForm routeCaseId={caseId ?? null} />;
}

function useIntakeStep(): IntakeStepSlug {
  const [searchParams] = useSearchParams();
  const stepParam = searchParams.get('stap');
  return isStepSlug(stepParam) ? stepParam : 'bewoner';
}

/** A new step: its heading takes the focus, or the field a link pointed at. */
function useStepFocus(step: IntakeStepSlug, isStarted: boolean) {
  const location = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstRender = useRef(true);
  useEffect(() => {
    if (!isStarted) return;
    const target = location.hash
      ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
      : null;
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
      return;
    }
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step, location.hash, isStarted]);
  return headingRef;
}

function IntakeForm({ routeCaseId }: { routeCaseId: string | null }) {
  const me = useMe();
  const region = useRegionMunicipalities();
  const regionCodes = useMemo(() => new Set(region.municipalities.map((m) => m.code)), [region]);
  const navigate = useNavigate();
  const step = useIntakeStep();
  const stepRef = useRef(step);
  stepRef.current = step;
  const [resolver] = useState(
    () => zodResolver(intakeResolverSchema() as never) as unknown as Resolver<IntakeValues>,
  );
  // Messages come from the autosave, after a pause in typing, not on leaving a field: a message that
  // appears on blur pushes the next field or button away from under the click that caused the blur.
  // The resolver judges the whole form when the user asks to mark the resident ready.
  const form = useForm<IntakeValues>({
    defaultValues: emptyIntakeValues(),
    resolver,
    mode: 'onSubmit',
  });
  const autosave = useIntakeAutosave({
    form,
    userId: me.user.id,
    regionCodes,
    onCreated: (view) =>
      navigate(`/casussen/${view.id}/intake?stap=${stepRef.current}`, { replace: true }),
  });
  const { isStarted, failure } = useIntakeCase(routeCaseId, autosave);
  const headingRef = useStepFocus(step, isStarted);

  if (failure) return <IntakeUnavailable failure={failure} />;
  if (!isStarted) return <Paragraph role="status">Dossier laden…</Paragraph>;
  const view = autosave.view;
  if (view?.state === 'closed') return <ClosedIntake view={view} />;
  return (
    <IntakeLayout
      step={step}
      view={view}
      form={form}
      region={region}
      autosave={autosave}
      headingRef={headingRef}
    />
  );
}

function IntakeLayout({
  step,
  view,
  form,
  region,
  autosave,
  headingRef,
}: {
  step: IntakeStepSlug;
  view: ProjectedCase | null;
  form: UseFormReturn<IntakeValues>;
  region: RegionMunicipalities;
  autosave: ReturnType<typeof useIntakeAutosave>;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const caseId = view?.id ?? null;
  const stepIndex = intakeSteps.findIndex((s) => s.slug === step);
  const current = intakeSteps[stepIndex]!;
  const invalidSteps = autosave.status.kind === 'invalid' ? autosave.status.steps : [];
  const conflictsHere = autosave.conflicts.filter((c) =>
    (current.sections as readonly IntakeSection[]).includes(c.section),
  );
  return (
    <div className="intake">
      <Paragraph className="case-breadcrumb">
        <RouterLink className="utrecht-link" to={caseId ? `/casussen/${caseId}` : '/casussen'}>
          {caseId ? `Terug naar de casus` : 'Terug naar Mijn casussen'}
        </RouterLink>
      </Paragraph>
      <Heading level={1}>{view ? `Dossier van ${caseTitle(view)}` : 'Bewoner aanmelden'}</Heading>
      {view?.state && view.state !== 'intake' && (
        <Paragraph>
          Status: {caseStateLabel[view.state]}. Wijzigingen gaan direct naar de tafel.
        </Paragraph>
      )}
      <SaveStatusLine status={autosave.status} />
      {region.loadError && (
        <Alert type="warning">
          <Paragraph>{region.loadError}</Paragraph>
        </Alert>
      )}
      <RestoredNotice
        restoredAt={autosave.restoredAt}
        onDiscard={caseId ? undefined : autosave.discardNewDraft}
      />
      <ConflictsElsewhere conflicts={autosave.conflicts} step={step} />
      <div className="intake__layout">
        <StepNav step={step} invalidSteps={invalidSteps} />
        <form
          className="intake-form"
          noValidate
          onSubmit={(event) => event.preventDefault()}
          aria-labelledby="stap-kop"
        >
          <Heading level={2} id="stap-kop" ref={headingRef} tabIndex={-1}>
            <span className="intake-form__count">
              Stap {stepIndex + 1} van {intakeSteps.length}:{' '}
            </span>
            {current.title}
          </Heading>
          {conflictsHere.map((conflict) => (
            <ConflictPanel
              key={conflict.section}
              conflict={conflict}
              form={form}
              region={region}
              onResolve={autosave.resolveConflict}
            />
          ))}
          <StepFields step={step} view={view} form={form} region={region} autosave={autosave} />
          <StepButtons stepIndex={stepIndex} />
        </form>
      </div>
    </div>
  );
}

function StepFields({
  step,
  view,
  form,
  region,
  autosave,
}: {
  step: IntakeStepSlug;
  view: ProjectedCase | null;
  form: UseFormReturn<IntakeValues>;
  region: RegionMunicipalities;
  autosave: ReturnType<typeof useIntakeAutosave>;
}) {
  const me = useMe();
  const navigate = useNavigate();
  const props = { form, region };
  return (
    <>
      {step === 'bewoner' && <ResidentStep {...props} isNew={!view?.id} />}
      {step === 'verblijf' && <StayStep {...props} />}
      {step === 'adressen' && <AddressesStep {...props} />}
      {step === 'wensen' && <WishesStep {...props} />}
      {step === 'woonbehoeften' && <HousingNeedsStep {...props} />}
      {step === 'ondersteuning' && <SupportStep {...props} />}
      {step === 'gevoelig' && <SensitiveStep {...props} organisationName={me.organisation.name} />}
      {step === 'controle' && (
        <IntakeReviewStep
          view={view}
          saveNow={autosave.saveNow}
          checkAll={() => form.trigger()}
          onReady={(ready) => {
            autosave.acceptTransition(ready);
            navigate(`/casussen/${ready.id}`, {
              state: { notice: 'De bewoner is uitstroomgereed. De wachttijd loopt vanaf vandaag.' },
            });
          }}
        />
      )}
    </>
  );
}

function StepNav({
  step,
  invalidSteps,
}: {
  step: IntakeStepSlug;
  invalidSteps: readonly IntakeStepSlug[];
}) {
  return (
    <nav className="intake-steps" aria-label="Stappen van de aanmelding">
      <ol>
        {intakeSteps.map((s, index) => (
          <li key={s.slug} className={s.slug === step ? 'intake-steps__current' : undefined}>
            <RouterLink to={`?stap=${s.slug}`} aria-current={s.slug === step ? 'step' : undefined}>
              <span className="intake-steps__number" aria-hidden="true">
                {index + 1}
              </span>
              {s.title}
              {invalidSteps.includes(s.slug) && (
                <span className="intake-steps__flag"> (niet opgeslagen)</span>
              )}
            </RouterLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function StepButtons({ stepIndex }: { stepIndex: number }) {
  const navigate = useNavigate();
  const previous = intakeSteps[stepIndex - 1];
  const next = intakeSteps[stepIndex + 1];
  return (
    <div className="intake-form__buttons">
      {previous && (
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => navigate(`?stap=${previous.slug}`)}
        >
          Vorige: {previous.title}
        </Button>
      )}
      {next && (
        <Button
          type="button"
          appearance="primary-action-button"
          onClick={() => navigate(`?stap=${next.slug}`)}
        >
          Volgende: {next.title}
        </Button>
      )}
    </div>
  );
}

function IntakeUnavailable({ failure }: { failure: string }) {
  return (
    <>
      <Heading level={1}>Dossier</Heading>
      <FailureAlert failure={failure} />
      <Paragraph>
        <RouterLink className="utrecht-link" to="/casussen">
          Terug naar Mijn casussen
        </RouterLink>
      </Paragraph>
    </>
  );
}

function ClosedIntake({ view }: { view: ProjectedCase }) {
  return (
    <>
      <Heading level={1}>Dossier van {caseTitle(view)}</Heading>
      <Alert type="info">
        <Paragraph>Deze casus is afgesloten. Het dossier kan niet meer worden gewijzigd.</Paragraph>
      </Alert>
      <Paragraph>
        <RouterLink className="utrecht-link" to={`/casussen/${view.id}`}>
          Naar de casus
        </RouterLink>
      </Paragraph>
    </>
  );
}
