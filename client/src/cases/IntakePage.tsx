import { useEffect, useMemo, useRef, useState } from 'react';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import {
  Link as RouterLink,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router';
import { useForm, useWatch, type Resolver, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { caseStateLabel, joinDutchList } from '@uitstroom/shared';
import { useCan, useMe } from '../core/session';
import { ApiError } from '../core/api';
import {
  asVersionConflict,
  consentMissingMessage,
  fetchCase,
  transitionCase,
  type ProjectedCase,
} from './case-api';
import { messageOf } from '../core/messages';
import { useCaseWrite } from './case-queries';
import { fieldId } from '../core/fields';
import { caseTitle, describeSection, formatTime, sectionTitle } from '../core/format';
import {
  emptyIntakeValues,
  intakeResolverSchema,
  intakeSteps,
  isStepSlug,
  stepOfPath,
  stepTitle,
  toSections,
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
import { useRegionMunicipalities, type RegionMunicipalities } from '../core/region';
import { useIntakeAutosave, type SaveStatus, type SectionConflict } from './use-intake-autosave';
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

function IntakeForm({ routeCaseId }: { routeCaseId: string | null }) {
  const me = useMe();
  const region = useRegionMunicipalities();
  const regionCodes = useMemo(() => new Set(region.municipalities.map((m) => m.code)), [region]);
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const stepParam = searchParams.get('stap');
  const step: IntakeStepSlug = isStepSlug(stepParam) ? stepParam : 'bewoner';
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
  const [loadError, setLoadError] = useState<string | null>(null);
  const [isLoaded, setIsLoaded] = useState(false);

  useEffect(() => {
    // The case this form just created: the form is already on it.
    if (routeCaseId && routeCaseId === autosave.caseId()) return;
    if (!routeCaseId) {
      autosave.start(null);
      setIsLoaded(true);
      return;
    }
    // The case once, through the cache (the form then owns its values; autosave writes them back).
    let isCurrent = true;
    setIsLoaded(false);
    queryClient
      .fetchQuery({
        queryKey: queryKeys.case(routeCaseId),
        queryFn: ({ signal }) => fetchCase(routeCaseId, signal),
      })
      .then((view) => {
        if (!isCurrent) return;
        autosave.start(view);
        setIsLoaded(true);
      })
      .catch((error: unknown) => {
        if (!isCurrent) return;
        setLoadError(
          error instanceof ApiError && error.status === 404
            ? 'Deze casus bestaat niet of valt buiten uw bereik.'
            : messageOf(error, 'Laden is niet gelukt.'),
        );
      });
    return () => {
      isCurrent = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once per case; autosave is a new object each render
  }, [routeCaseId]);

  // A new step: its heading takes the focus, or the field a link pointed at.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstRender = useRef(true);
  useEffect(() => {
    if (!isLoaded) return;
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
  }, [step, location.hash, isLoaded]);

  if (loadError) {
    return (
      <>
        <Heading level={1}>Dossier</Heading>
        <Alert type="error" role="alert">
          <Paragraph>{loadError}</Paragraph>
        </Alert>
        <Paragraph>
          <RouterLink className="utrecht-link" to="/casussen">
            Terug naar Mijn casussen
          </RouterLink>
        </Paragraph>
      </>
    );
  }
  if (!isLoaded) return <Paragraph role="status">Dossier laden…</Paragraph>;

  const view = autosave.view;
  const caseId = view?.id ?? null;
  if (view?.state === 'closed') {
    return (
      <>
        <Heading level={1}>Dossier van {caseTitle(view)}</Heading>
        <Alert type="info">
          <Paragraph>
            Deze casus is afgesloten. Het dossier kan niet meer worden gewijzigd.
          </Paragraph>
        </Alert>
        <Paragraph>
          <RouterLink className="utrecht-link" to={`/casussen/${view.id}`}>
            Naar de casus
          </RouterLink>
        </Paragraph>
      </>
    );
  }
  const stepIndex = intakeSteps.findIndex((s) => s.slug === step);
  const current = intakeSteps[stepIndex]!;
  const previous = intakeSteps[stepIndex - 1];
  const next = intakeSteps[stepIndex + 1];
  const stepLink = (slug: IntakeStepSlug) => `?stap=${slug}`;
  const invalidSteps = autosave.status.kind === 'invalid' ? autosave.status.steps : [];
  const conflictsHere = autosave.conflicts.filter((c) =>
    (current.sections as readonly IntakeSection[]).includes(c.section),
  );
  const props = { form, region };

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
      {autosave.restoredAt && (
        <Alert type="info" className="intake-restored">
          <Paragraph>
            Uw invoer van {formatTime(new Date(autosave.restoredAt))} die nog niet was opgeslagen,
            is teruggezet.
          </Paragraph>
          {!caseId && (
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={autosave.discardNewDraft}
            >
              Opnieuw beginnen met een leeg formulier
            </Button>
          )}
        </Alert>
      )}
      {/* Conflicts on other steps than this one: where to find them. */}
      {autosave.conflicts.some((c) => !stepsOfSection(c.section).includes(step)) && (
        <ConflictSummary
          conflicts={autosave.conflicts.filter((c) => !stepsOfSection(c.section).includes(step))}
          stepLink={stepLink}
        />
      )}

      <div className="intake__layout">
        <nav className="intake-steps" aria-label="Stappen van de aanmelding">
          <ol>
            {intakeSteps.map((s, index) => (
              <li key={s.slug} className={s.slug === step ? 'intake-steps__current' : undefined}>
                <RouterLink
                  to={stepLink(s.slug)}
                  aria-current={s.slug === step ? 'step' : undefined}
                >
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
          {step === 'bewoner' && <ResidentStep {...props} isNew={!caseId} />}
          {step === 'verblijf' && <StayStep {...props} />}
          {step === 'adressen' && <AddressesStep {...props} />}
          {step === 'wensen' && <WishesStep {...props} />}
          {step === 'woonbehoeften' && <HousingNeedsStep {...props} />}
          {step === 'ondersteuning' && <SupportStep {...props} />}
          {step === 'gevoelig' && (
            <SensitiveStep {...props} organisationName={me.organisation.name} />
          )}
          {step === 'controle' && (
            <ReviewStep
              view={view}
              saveNow={autosave.saveNow}
              checkAll={() => form.trigger()}
              onReady={(ready) => {
                autosave.acceptTransition(ready);
                navigate(`/casussen/${ready.id}`, {
                  state: {
                    notice: 'De bewoner is uitstroomgereed. De wachttijd loopt vanaf vandaag.',
                  },
                });
              }}
            />
          )}

          <div className="intake-form__buttons">
            {previous && (
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => navigate(stepLink(previous.slug))}
              >
                Vorige: {previous.title}
              </Button>
            )}
            {next && (
              <Button
                type="button"
                appearance="primary-action-button"
                onClick={() => navigate(stepLink(next.slug))}
              >
                Volgende: {next.title}
              </Button>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}

function SaveStatusLine({ status }: { status: SaveStatus }) {
  let text: string;
  switch (status.kind) {
    case 'new':
      text =
        'Nog niet opgeslagen: vul voornaam, achternaam en doelgroep in, dan wordt de aanmelding aangemaakt.';
      break;
    case 'saving':
      text = 'Bezig met opslaan…';
      break;
    case 'saved':
      text = status.at ? `Opgeslagen om ${formatTime(status.at)}` : 'Alles is opgeslagen.';
      break;
    case 'offline':
      text = 'Niet opgeslagen: geen verbinding — we proberen het opnieuw';
      break;
    case 'invalid':
      text = `Niet alles is opgeslagen: ${status.isMarked ? 'verbeter de gemarkeerde velden bij' : 'vul bij'} ${joinDutchList(status.steps.map(stepTitle))}${status.isMarked ? '' : ' de velden verder in'}.${status.at ? ` De rest is opgeslagen om ${formatTime(status.at)}.` : ''}`;
      break;
    case 'conflict':
      text =
        'Niet opgeslagen: iemand anders heeft deze casus intussen gewijzigd. Kies hieronder welke versie blijft.';
      break;
    case 'error':
      text = status.message;
      break;
  }
  return (
    <Paragraph
      role="status"
      aria-live="polite"
      className={`save-status save-status--${status.kind}`}
    >
      {text}
    </Paragraph>
  );
}

function stepsOfSection(section: IntakeSection): IntakeStepSlug[] {
  return intakeSteps
    .filter((s) => (s.sections as readonly IntakeSection[]).includes(section))
    .map((s) => s.slug);
}

function ConflictSummary({
  conflicts,
  stepLink,
}: {
  conflicts: SectionConflict[];
  stepLink: (slug: IntakeStepSlug) => string;
}) {
  return (
    <Alert type="warning" className="intake-conflicts">
      <Heading level={2}>Ook elders intussen gewijzigd door een ander</Heading>
      <Paragraph>
        Uw invoer is bewaard. Bekijk bij deze onderdelen de andere versie en kies welke blijft:
      </Paragraph>
      <UnorderedList>
        {conflicts.map((c) => (
          <UnorderedListItem key={c.section}>
            <RouterLink className="utrecht-link" to={stepLink(stepOfPath(c.section))}>
              {sectionTitle[c.section]} (stap {stepTitle(stepOfPath(c.section))})
            </RouterLink>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

function ConflictPanel({
  conflict,
  form,
  region,
  onResolve,
}: {
  conflict: SectionConflict;
  form: UseFormReturn<IntakeValues>;
  region: RegionMunicipalities;
  onResolve: (section: IntakeSection, choice: 'mine' | 'theirs') => void;
}) {
  const values = useWatch({ control: form.control }) as IntakeValues;
  const mine = describeSection(
    conflict.section,
    toSections(values)[conflict.section] as never,
    region.nameOf,
  );
  const theirs = describeSection(conflict.section, conflict.theirs as never, region.nameOf);
  // Only the fields where the two differ, each with both values side by side.
  const labels = [...new Set([...mine.map((f) => f.label), ...theirs.map((f) => f.label)])];
  const valueOf = (facts: { label: string; value: string }[], label: string) =>
    facts.find((f) => f.label === label)?.value;
  const rows = labels.filter((label) => valueOf(mine, label) !== valueOf(theirs, label));
  const headingId = `conflict-${conflict.section}`;
  return (
    <section className="conflict-panel" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {sectionTitle[conflict.section]}: intussen gewijzigd door een ander
      </Heading>
      <Paragraph>
        Wat u typte, is bewaard en staat in het formulier. Kies welke versie blijft; het onderdeel
        wordt als geheel opgeslagen.
      </Paragraph>
      <Table className="conflict-panel__table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Veld</TableHeaderCell>
            <TableHeaderCell scope="col">Uw invoer</TableHeaderCell>
            <TableHeaderCell scope="col">Intussen gewijzigd door een ander:</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((label) => (
            <TableRow key={label}>
              <TableHeaderCell scope="row">{label}</TableHeaderCell>
              <TableCell>{valueOf(mine, label) ?? <em>leeg</em>}</TableCell>
              <TableCell>{valueOf(theirs, label) ?? <em>leeg</em>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          onClick={() => onResolve(conflict.section, 'mine')}
        >
          Mijn invoer bewaren
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => onResolve(conflict.section, 'theirs')}
        >
          Hun versie overnemen
        </Button>
      </ButtonGroup>
    </section>
  );
}

function ReviewStep({
  view,
  saveNow,
  checkAll,
  onReady,
}: {
  view: ProjectedCase | null;
  saveNow: () => Promise<boolean>;
  checkAll: () => Promise<boolean>;
  onReady: (view: ProjectedCase) => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const [issues, setIssues] = useState<{ path: string; message: string }[]>([]);
  const [isBusy, setIsBusy] = useState(false);
  const ready = useCaseWrite((version: number) =>
    transitionCase(view!.id!, { transition: 'markReady', version }),
  );
  if (!view?.id) {
    return (
      <Paragraph>
        Vul eerst voornaam, achternaam en doelgroep in bij de stap Bewoner; dan wordt de aanmelding
        aangemaakt.
      </Paragraph>
    );
  }
  const missing = view.missingForReady ?? [];
  const canMarkReady = view.allowedTransitions?.includes('markReady') ?? false;

  const markReady = async () => {
    setFailure(null);
    setIssues([]);
    setIsBusy(true);
    try {
      if (!(await saveNow())) {
        // Every field the shared schemas refuse gets its message, also on steps not visited.
        await checkAll();
        setFailure(
          'Eerst moet alles zijn opgeslagen. Verbeter de velden bij de stappen die “niet opgeslagen” tonen, of wacht tot de verbinding terug is.',
        );
        return;
      }
      // The version after the last save: saveNow has just brought the view up to date.
      const latest = await fetchCase(view.id!);
      onReady(await ready.mutateAsync(latest.version!));
    } catch (error) {
      const conflict = asVersionConflict(error);
      setFailure(
        conflict
          ? 'Iemand anders heeft de casus net gewijzigd. Laad de pagina opnieuw en controleer de gegevens.'
          : messageOf(error),
      );
      if (error instanceof ApiError) setIssues(error.issues);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <>
      {view.state !== 'intake' && view.state && (
        <Paragraph>
          Deze bewoner is al verder dan de aanmelding: {caseStateLabel[view.state]}.
        </Paragraph>
      )}
      {view.state === 'intake' && (
        <>
          <Heading level={3}>Wat ontbreekt nog</Heading>
          {missing.length === 0 ? (
            <Paragraph>Alles wat de tafel nodig heeft, is ingevuld.</Paragraph>
          ) : (
            <UnorderedList className="intake-missing">
              {missing.map((m) =>
                m.path === 'consents' ? (
                  // Consent is recorded on the case page, in its own panel.
                  <UnorderedListItem key={`${m.path}-${m.message}`}>
                    <RouterLink className="utrecht-link" to={`/casussen/${view.id}#toestemming`}>
                      {consentMissingMessage}
                    </RouterLink>{' '}
                    <span className="intake-missing__step">(op de casuspagina)</span>
                  </UnorderedListItem>
                ) : (
                  <UnorderedListItem key={`${m.path}-${m.message}`}>
                    <RouterLink
                      className="utrecht-link"
                      to={`?stap=${stepOfPath(m.path)}#${fieldId(firstFieldOf(m.path))}`}
                    >
                      {m.message}
                    </RouterLink>{' '}
                    <span className="intake-missing__step">
                      (stap {stepTitle(stepOfPath(m.path))})
                    </span>
                  </UnorderedListItem>
                ),
              )}
            </UnorderedList>
          )}
        </>
      )}
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
          {issues.length > 0 && (
            <UnorderedList>
              {issues.map((i) => (
                <UnorderedListItem key={i.path + i.message}>{i.message}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </Alert>
      )}
      {canMarkReady && missing.length === 0 && (
        <>
          <Paragraph>
            Als de bewoner uitstroomgereed is, kan de casus op de agenda van een tafel. Vanaf dan
            loopt de wachttijd.
          </Paragraph>
          <Button
            type="button"
            appearance="primary-action-button"
            onClick={() => void markReady()}
            disabled={isBusy}
          >
            Markeer als uitstroomgereed
          </Button>
        </>
      )}
      <Paragraph>
        <RouterLink className="utrecht-link" to={`/casussen/${view.id}`}>
          Naar de casus met het voorstel van de herkomstregel
        </RouterLink>
      </Paragraph>
    </>
  );
}

/** A missing item's path names a section or a field; the link goes to its first field. */
function firstFieldOf(path: string): string {
  if (path === 'addresses') return 'isOriginUntraceable';
  if (path === 'wishes') return 'wishes.ownWords';
  return path;
}
