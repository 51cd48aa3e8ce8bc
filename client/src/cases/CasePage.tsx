import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { useForm, useWatch } from 'react-hook-form';
import {
  Alert,
  Blockquote,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  SelectOption,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  describeWaiting,
  caseOutcomeLabel,
  caseStateLabel,
  dwellingTypeLabel,
  formatDutchDate,
  isOverWaitingTarget,
  targetGroupLabel,
  transitions,
  type CaseSectionName,
  type OriginException,
} from '@uitstroom/shared';
import { useCan, useMe } from '../core/session';
import { ApiError } from '../core/api';
import { SelectField } from '../core/form';
import { takesOverCases } from '../core/seats';
import {
  consentMissingMessage,
  fetchColleagues,
  handOverCase,
  transitionCase,
  type Colleague,
  type ProjectedCase,
} from './case-api';
import { messageOf } from '../core/messages';
import { fieldId } from '../core/fields';
import { caseTitle, describeSection, formatDutchTimestamp, todayIsoDate } from '../core/format';
import { ExceptionsEditor } from './ExceptionsEditor';
import {
  checkExceptions,
  exceptionsResolver,
  toExceptionValues,
  type ExceptionValues,
} from './exceptions-form';
import { stepOfPath, type IntakeStepSlug } from './intake-form';
import { ProposalCard, type ProposalState } from './ProposalCard';
import { useRegionMunicipalities, type RegionMunicipalities } from '../core/region';
import { WithdrawDialog } from './WithdrawDialog';
import { CorrectStep } from './CorrectStep';
import { ConfirmDialog } from '../core/ConfirmDialog';
import { CaseDocuments } from './privacy/CaseDocuments';
import { CasePrivacyLinks } from './privacy/CasePrivacyLinks';
import { CaseDecision } from './CaseDecision';
import { ConsentPanel, consentPanelId } from './privacy/ConsentPanel';
import { CaseDwellingFits } from '../dwellings';
import { CasePlacement } from '../placements';
import { OfferThisDwelling } from '../placements';
import { SupportPanel } from '../support';
import { useLiveCase } from '../live';
import { describeLiveChange, PresenceNote } from '../live';
import {
  invalidateCase,
  invalidateCaseParts,
  setCaseView,
  useCaseQuery,
  useCaseWrite,
} from './case-queries';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import '../core/layout.css';

/**
 * `/casussen/:caseId`: the case as the seat may see it. The engine's proposal stands beside the
 * resident's wishes; while the case manager edits the exceptions it is recomputed in the browser
 * with the shared engine, otherwise it is the server's proposal for the file as stored. A field
 * the seat does not see is absent from the view and renders nothing.
 */
export function CasePage() {
  const { caseId } = useParams();
  const location = useLocation();
  const caseQuery = useCaseQuery(caseId);
  const view = caseQuery.data ?? null;
  const [gone, setGone] = useState(false);
  const failure = gone
    ? 'Deze casus valt niet meer binnen uw bereik.'
    : caseQuery.isError
      ? caseQuery.error instanceof ApiError && caseQuery.error.status === 404
        ? 'Deze casus bestaat niet of valt buiten uw bereik.'
        : messageOf(caseQuery.error, 'De casus kon niet worden geladen.')
      : null;
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const setView = (next: ProjectedCase) => {
    if (caseId) setCaseView(caseId, next);
  };

  // Whenever the case moves to a new version (here or by another seat), what is read beside it
  // (placement, support, documents) is read again.
  const version = view?.version;
  const seenVersion = useRef(version);
  useEffect(() => {
    if (!caseId || version === undefined || seenVersion.current === version) return;
    const isFirst = seenVersion.current === undefined;
    seenVersion.current = version;
    if (!isFirst) void invalidateCaseParts(caseId);
  }, [caseId, version]);

  // Another seat's change arrives without a reload, as this seat may see it. Typed input is not in
  // the cached view and stays as it is.
  const me = useMe();
  const viewRef = useRef(view);
  viewRef.current = view;
  const [liveNote, setLiveNote] = useState<string | null>(null);
  useLiveCase(caseId, {
    onChange: (next, changedBy) => {
      const current = viewRef.current;
      if (!caseId || (current && (next.version ?? 0) < (current.version ?? 0))) return;
      const isOwn = changedBy?.userId === me.user.id;
      if (current && next.version !== current.version && !isOwn)
        setLiveNote(describeLiveChange('deze casus', changedBy));
      setCaseView(caseId, next);
      // Others' changes: the documents and the rest, which the view does not carry, are read again.
      if (!isOwn) void invalidateCaseParts(caseId);
    },
    onGone: () => setGone(true),
    onResync: () => {
      if (caseId) void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
    },
  });

  if (failure) {
    return (
      <>
        <Heading level={1}>Casus</Heading>
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
        <Paragraph>
          <RouterLink className="utrecht-link" to="/casussen">
            Terug naar Mijn casussen
          </RouterLink>
        </Paragraph>
      </>
    );
  }
  if (!view) return <Paragraph role="status">Casus laden…</Paragraph>;
  return (
    <CaseView
      view={view}
      onChange={setView}
      notice={notice}
      setNotice={setNotice}
      liveNote={liveNote}
    />
  );
}

interface CaseViewProps {
  view: ProjectedCase;
  onChange(view: ProjectedCase): void;
  notice: string | null;
  setNotice(notice: string | null): void;
  /** Who changed the case while it was open here. */
  liveNote: string | null;
}

function CaseView({ view, onChange, notice, setNotice, liveNote }: CaseViewProps) {
  const me = useMe();
  const can = useCan();
  const region = useRegionMunicipalities();
  const [referenceDate] = useState(todayIsoDate);
  const canEdit = can('case:update') && view.state !== 'closed';
  // The owning organisation's case manager: records consent, adds documents, reads the log.
  const isOwningCaseManager =
    can('case:consent') && !!view.owner && view.owner.organisationId === me.organisation.id;
  // After a step elsewhere on the page (a consent, an offer): the case itself is read again; what it
  // still misses, and its warnings, come from the server.
  const refresh = () => {
    if (view.id) void invalidateCase(view.id);
  };
  const editLink = (step: IntakeStepSlug, path?: string) =>
    `/casussen/${view.id}/intake?stap=${step}${path ? `#${fieldId(path)}` : ''}`;

  // Exceptions: the form lives here, so the proposal beside the wishes can follow it live.
  const [isEditing, setIsEditing] = useState(false);
  const context = {
    view,
    municipalities: region.municipalities,
    referenceDate,
    bindingTest: region.bindingTest,
  };
  const contextRef = useRef(context);
  contextRef.current = context;
  const [resolver] = useState(() => exceptionsResolver(() => contextRef.current));
  // Checked on "Opslaan", then again at every change; never on leaving a field, where a message
  // appearing above the next field would move it away from under a click.
  const exceptionsForm = useForm<ExceptionValues>({
    defaultValues: toExceptionValues(view),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const edited = useWatch({ control: exceptionsForm.control }) as ExceptionValues;

  const proposal: ProposalState | null = useMemo(() => {
    if (view.proposal === undefined) return null;
    if (isEditing) {
      const check = checkExceptions(
        edited,
        view,
        region.municipalities,
        referenceDate,
        region.bindingTest,
      );
      if (!check.proposal)
        return { kind: 'none', reason: 'Nog geen voorstel: de opnamedatum ontbreekt.' };
      return check.proposal.ok
        ? { kind: 'live', proposal: check.proposal.proposal }
        : { kind: 'invalid', issues: check.proposal.error.error.issues };
    }
    if (view.proposal)
      return {
        kind: 'stored',
        proposal: view.proposal.result,
        ruleSetVersion: view.proposal.ruleSetVersion,
      };
    return {
      kind: 'none',
      reason: view.stay?.admissionDate
        ? 'De regel kan voor dit dossier nog geen voorstel doen.'
        : 'Nog geen voorstel: de opnamedatum ontbreekt.',
    };
  }, [view, isEditing, edited, region.municipalities, region.bindingTest, referenceDate]);

  const startEditing = () => {
    exceptionsForm.reset(toExceptionValues(view));
    setIsEditing(true);
    setNotice(null);
  };

  return (
    <div className="case-page">
      <Paragraph className="case-breadcrumb">
        <RouterLink className="utrecht-link" to="/casussen">
          Mijn casussen
        </RouterLink>
      </Paragraph>
      <CaseHeader
        view={view}
        onChange={onChange}
        setNotice={setNotice}
        isOwningCaseManager={isOwningCaseManager}
      />
      {view.id && <PresenceNote room={{ kind: 'case', id: view.id }} />}
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <div role="status" className="case-live-note">
        {liveNote && (
          <Alert type="info">
            <Paragraph>{liveNote}</Paragraph>
          </Alert>
        )}
      </div>
      {region.loadError && (
        <Alert type="warning">
          <Paragraph>{region.loadError}</Paragraph>
        </Alert>
      )}
      <Transitions
        view={view}
        onChange={(next, message) => {
          onChange(next);
          setNotice(message);
        }}
        editLink={editLink}
      />

      {(view.wishes !== undefined || proposal) && (
        <div className="case-columns">
          <div className="case-columns__main">
            {view.wishes !== undefined && (
              <section className="case-card" aria-labelledby="wensen-kop">
                <SectionHeading
                  id="wensen-kop"
                  title="Wensen van de bewoner"
                  edit={canEdit ? editLink('wensen') : undefined}
                />
                <Wishes wishes={view.wishes} housingNeeds={view.housingNeeds} region={region} />
              </section>
            )}
            {view.exceptions !== undefined && (
              <section className="case-card" aria-labelledby="uitzonderingen-kop">
                <Heading level={2} id="uitzonderingen-kop">
                  Uitzonderingen en uitgesloten gemeenten
                </Heading>
                {isEditing ? (
                  <ExceptionsEditor
                    form={exceptionsForm}
                    view={view}
                    region={region}
                    referenceDate={referenceDate}
                    onSaved={(saved) => {
                      onChange(saved);
                      setIsEditing(false);
                      setNotice(
                        'De uitzonderingen zijn opgeslagen. Het voorstel is opnieuw berekend.',
                      );
                    }}
                    onCancel={() => setIsEditing(false)}
                    onTheirs={onChange}
                  />
                ) : (
                  <>
                    <ExceptionsSummary
                      exceptions={view.exceptions}
                      excluded={view.excluded}
                      region={region}
                    />
                    {canEdit && (
                      <Button
                        type="button"
                        appearance="secondary-action-button"
                        onClick={startEditing}
                      >
                        Uitzonderingen wijzigen
                      </Button>
                    )}
                  </>
                )}
              </section>
            )}
          </div>
          {proposal && (
            <div className="case-columns__side">
              <ProposalCard state={proposal} region={region} />
            </div>
          )}
        </div>
      )}

      {view.id && view.state && !['intake', 'ready', 'scheduled'].includes(view.state) && (
        <CaseDecision key={view.state} caseId={view.id} nameOf={region.nameOf} />
      )}
      {/* The offer, the placement and the move, per seat; read again whenever the case changes. */}
      {view.id &&
        view.version &&
        view.state &&
        !['intake', 'scheduled', 'decided'].includes(view.state) && (
          <CasePlacement
            caseId={view.id}
            region={region}
            onCaseChanged={(message) => {
              setNotice(message);
              refresh();
            }}
          />
        )}
      {/* Follow-up support after the move: the API decides per seat what shows and what may be done.
          A seat without support:read (the corporation, the chair) does not ask (issue 27.6). */}
      {can('support:read') &&
        view.id &&
        view.version &&
        view.state &&
        ['moved', 'aftercare', 'closed'].includes(view.state) && (
          <SupportPanel
            caseId={view.id}
            caseVersion={view.version}
            onCaseChanged={(message) => {
              setNotice(message);
              refresh();
            }}
          />
        )}
      {/* A corporation sees its own dwellings that fit a case searching for one, and offers one of them. */}
      {can('offer:create') && view.id && view.state === 'searching' && (
        <CaseDwellingFits
          caseId={view.id}
          region={region}
          renderAction={(dwelling) => (
            <OfferThisDwelling
              caseId={view.id!}
              caseVersion={view.version!}
              dwelling={dwelling}
              municipalityName={region.nameOf(dwelling.municipalityCode)}
              onOffered={() => {
                setNotice(
                  'De woning is aangeboden. De casemanager legt het antwoord van de bewoner vast.',
                );
                refresh();
              }}
            />
          )}
        />
      )}

      <FileSections view={view} region={region} editLink={canEdit ? editLink : undefined} />

      {isOwningCaseManager && view.id && (
        <ConsentPanel
          caseId={view.id}
          ownOrganisationId={view.owner!.organisationId}
          canRecord={view.state !== 'closed'}
        />
      )}
      {view.id && (
        <CaseDocuments
          caseId={view.id}
          canUpload={isOwningCaseManager && view.state !== 'closed'}
        />
      )}
    </div>
  );
}

function SectionHeading({
  id,
  title,
  edit,
  level = 2,
}: {
  id: string;
  title: string;
  edit?: string;
  level?: 2 | 3;
}) {
  return (
    <div className="case-section-heading">
      <Heading level={level} id={id}>
        {title}
      </Heading>
      {edit && (
        <RouterLink className="utrecht-link" to={edit}>
          Wijzigen<span className="visually-hidden">: {title}</span>
        </RouterLink>
      )}
    </div>
  );
}

function CaseHeader({
  view,
  onChange,
  setNotice,
  isOwningCaseManager,
}: {
  view: ProjectedCase;
  onChange(view: ProjectedCase): void;
  setNotice(n: string | null): void;
  isOwningCaseManager: boolean;
}) {
  const can = useCan();
  const region = useRegionMunicipalities();
  // The region's waiting target (domain.md §6) counts until a dwelling is offered.
  const isWaitingTooLong =
    !!view.state &&
    ['ready', 'scheduled', 'decided', 'searching'].includes(view.state) &&
    isOverWaitingTarget(view.waitingDays, region.waitingTargetDays);
  const readyOn = view.readyAt ? formatDutchTimestamp(view.readyAt) : null;
  // A running clock counts since uitstroomgereed; a stopped one names where it stopped (the keys, a closing).
  const waitingText = (days: number) =>
    view.waitingUntil === 'keys' || view.waitingUntil === 'closing'
      ? `${describeWaiting(days, view.waitingUntil)}${readyOn ? ` (uitstroomgereed sinds ${readyOn})` : ''}.`
      : `${describeWaiting(days, 'today')} sinds uitstroomgereed${readyOn ? ` (${readyOn})` : ''}.`;
  const facts: { label: string; value: ReactNode }[] = [];
  if (view.owner)
    facts.push({
      label: 'Casemanager',
      value: `${view.owner.displayName} (${view.owner.organisationName})`,
    });
  if (view.stay?.targetGroup)
    facts.push({ label: 'Doelgroep', value: targetGroupLabel[view.stay.targetGroup] });
  if (view.pseudonym) facts.push({ label: 'Kenmerk', value: view.pseudonym });
  if (view.updatedAt)
    facts.push({ label: 'Laatst gewijzigd', value: formatDutchTimestamp(view.updatedAt) });
  if (view.outcome) facts.push({ label: 'Uitkomst', value: caseOutcomeLabel[view.outcome] });

  return (
    <header className="case-header">
      <Heading level={1}>{caseTitle(view)}</Heading>
      <div className="case-header__badges">
        {view.state && (
          <StatusBadge status="neutral" className="case-badge case-badge--state">
            {caseStateLabel[view.state]}
          </StatusBadge>
        )}
        {view.isStalled && (
          <StatusBadge status="warning" className="case-badge case-badge--stalled">
            Vastgelopen
          </StatusBadge>
        )}
        {isWaitingTooLong && (
          <StatusBadge status="warning" className="case-badge case-badge--waiting">
            Wacht langer dan {region.waitingTargetDays} dagen
          </StatusBadge>
        )}
      </div>
      <Paragraph className="case-clock">
        {/* The waiting clock stops at the keys, or at a closing before them (domain.md §6). */}
        {view.waitingDays !== null && view.waitingDays !== undefined
          ? waitingText(view.waitingDays)
          : view.state === 'intake'
            ? 'De wachttijd begint zodra de bewoner uitstroomgereed is.'
            : null}
      </Paragraph>
      {view.consentWarnings && view.consentWarnings.length > 0 && (
        <ConsentWarnings warnings={view.consentWarnings} linkToPanel={isOwningCaseManager} />
      )}
      {facts.length > 0 && (
        <DataList className="case-facts case-header__facts">
          {facts.map((f) => (
            <DataListItem key={f.label}>
              <DataListKey>{f.label}</DataListKey>
              <DataListValue>{f.value}</DataListValue>
            </DataListItem>
          ))}
        </DataList>
      )}
      {isOwningCaseManager && view.id && <CasePrivacyLinks caseId={view.id} state={view.state} />}
      {can('case:handover') && view.owner && view.state !== 'closed' && (
        <Handover
          view={view}
          onDone={(next, colleague) => {
            onChange(next);
            setNotice(
              `De casus is overgedragen aan ${colleague.displayName}. De overdracht is vastgelegd.`,
            );
          }}
        />
      )}
    </header>
  );
}

/** Consent that ends within 30 days: ask the resident again in time. */
function ConsentWarnings({
  warnings,
  linkToPanel,
}: {
  warnings: NonNullable<ProjectedCase['consentWarnings']>;
  linkToPanel: boolean;
}) {
  const text = (w: (typeof warnings)[number]) =>
    `De toestemming voor ${w.organisationName} verloopt op ${formatDutchDate(w.expiresOn.slice(0, 10))}.`;
  return (
    <Alert type="warning" className="case-consent-warnings">
      {warnings.length === 1 ? (
        <Paragraph>{text(warnings[0]!)}</Paragraph>
      ) : (
        <UnorderedList>
          {warnings.map((w) => (
            <UnorderedListItem key={w.organisationName + w.expiresOn}>{text(w)}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Paragraph>
        Vraag de bewoner op tijd opnieuw; daarna ziet de organisatie deze gegevens niet meer.
        {linkToPanel && (
          <>
            {' '}
            <RouterLink className="utrecht-link" to={{ hash: consentPanelId }}>
              Naar de toestemmingen
            </RouterLink>
          </>
        )}
      </Paragraph>
    </Alert>
  );
}

function Handover({
  view,
  onDone,
}: {
  view: ProjectedCase;
  onDone(view: ProjectedCase, to: Colleague): void;
}) {
  const [choice, setChoice] = useState('');
  const [writeFailure, setFailure] = useState<string | null>(null);
  const handOver = useCaseWrite((to: Colleague) =>
    handOverCase(view.id!, view.version!, to.userId),
  );
  const colleaguesQuery = useQuery({ queryKey: queryKeys.colleagues, queryFn: fetchColleagues });
  const colleagues = colleaguesQuery.data ?? null;
  const failure =
    writeFailure ??
    (colleaguesQuery.isError
      ? messageOf(colleaguesQuery.error, 'De collega’s konden niet worden geladen.')
      : null);
  const others = (colleagues ?? []).filter(
    (c) => c.userId !== view.owner?.userId && takesOverCases[c.seat],
  );
  const submit = async () => {
    const to = others.find((c) => c.userId === choice);
    if (!to) {
      setFailure('Kies een collega.');
      return;
    }
    setFailure(null);
    try {
      onDone(await handOver.mutateAsync(to), to);
      setChoice('');
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  if (!colleagues && !failure) return null;
  return (
    <section className="case-handover" aria-labelledby="overdragen-kop">
      <Heading level={2} id="overdragen-kop" className="case-handover__title">
        Overdragen
      </Heading>
      {colleagues && others.length === 0 ? (
        <Paragraph>
          Er is geen andere casemanager in uw organisatie om de casus aan over te dragen.
        </Paragraph>
      ) : (
        <form
          className="case-handover__form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <SelectField
            label="Overdragen aan"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            error={failure ?? undefined}
          >
            <SelectOption value="">Kies een collega</SelectOption>
            {others.map((c) => (
              <SelectOption key={c.userId} value={c.userId}>
                {c.displayName}
              </SelectOption>
            ))}
          </SelectField>
          <Button type="submit" appearance="secondary-action-button" disabled={handOver.isPending}>
            Overdragen
          </Button>
        </form>
      )}
    </section>
  );
}

function Transitions({
  view,
  onChange,
  editLink,
}: {
  view: ProjectedCase;
  onChange(view: ProjectedCase, notice: string): void;
  editLink(step: IntakeStepSlug, path?: string): string;
}) {
  const allowed = view.allowedTransitions ?? [];
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [issues, setIssues] = useState<{ path: string; message: string }[]>([]);
  const [isWithdrawOpen, setIsWithdrawOpen] = useState(false);
  const [isMarkReadyOpen, setIsMarkReadyOpen] = useState(false);
  const transition = useCaseWrite(() =>
    transitionCase(view.id!, { transition: 'markReady', version: view.version! }),
  );
  const canMarkReady = allowed.includes('markReady');
  const canWithdraw = allowed.includes('withdraw');
  if (!canMarkReady && !canWithdraw && !view.correction) return null;
  const missing = view.missingForReady ?? [];
  const isComplete = missing.length === 0;

  const markReady = async () => {
    setIsBusy(true);
    setFailure(null);
    setIssues([]);
    try {
      onChange(
        await transition.mutateAsync(undefined),
        'De bewoner is uitstroomgereed. De wachttijd loopt vanaf vandaag.',
      );
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.code === 'VERSION_CONFLICT'
          ? 'Iemand anders heeft de casus net gewijzigd. Laad de pagina opnieuw.'
          : messageOf(error),
      );
      if (error instanceof ApiError && error.code !== 'VERSION_CONFLICT') setIssues(error.issues);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="case-actions" aria-labelledby="acties-kop">
      <Heading level={2} id="acties-kop" className="visually-hidden">
        Volgende stap
      </Heading>
      {canMarkReady && !isComplete && (
        <Alert type="info">
          <Paragraph>Nog nodig voordat de bewoner uitstroomgereed is:</Paragraph>
          <UnorderedList>
            {missing.map((m) => (
              <UnorderedListItem key={`${m.path}-${m.message}`}>
                {m.path === 'consents' ? (
                  <RouterLink className="utrecht-link" to={{ hash: consentPanelId }}>
                    {consentMissingMessage}
                  </RouterLink>
                ) : (
                  <RouterLink className="utrecht-link" to={editLink(stepOfPath(m.path))}>
                    {m.message}
                  </RouterLink>
                )}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
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
      <ButtonGroup>
        {canMarkReady && isComplete && (
          <Button
            type="button"
            appearance="primary-action-button"
            onClick={() => setIsMarkReadyOpen(true)}
            disabled={isBusy}
          >
            {transitions.markReady.label}
          </Button>
        )}
        {canWithdraw && (
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => setIsWithdrawOpen(true)}
          >
            {transitions.withdraw.label}
          </Button>
        )}
        <CorrectStep view={view} onDone={onChange} />
      </ButtonGroup>
      {isMarkReadyOpen && (
        <ConfirmDialog
          id="uitstroomgereed-bevestigen"
          title={transitions.markReady.label}
          consequence={transitions.markReady.consequence}
          confirmLabel="Uitstroomgereed"
          onClose={() => setIsMarkReadyOpen(false)}
          onConfirm={async () => {
            await markReady();
            setIsMarkReadyOpen(false);
          }}
        />
      )}
      {isWithdrawOpen && (
        <WithdrawDialog
          view={view}
          onClose={() => setIsWithdrawOpen(false)}
          onDone={(next) => {
            setIsWithdrawOpen(false);
            onChange(next, 'De casus is afgesloten.');
          }}
        />
      )}
    </section>
  );
}

function Wishes({
  wishes,
  housingNeeds,
  region,
}: {
  wishes: NonNullable<ProjectedCase['wishes']>;
  /** The wished and avoided wijken are housing needs; beside the proposal they are wishes. */
  housingNeeds?: ProjectedCase['housingNeeds'];
  region: RegionMunicipalities;
}) {
  const wished = housingNeeds?.wishedNeighbourhoods ?? [];
  const avoided = housingNeeds?.avoidedNeighbourhoods ?? [];
  const isEmpty =
    !wished.length &&
    !avoided.length &&
    !wishes.municipalities?.length &&
    !wishes.neighbourhoodNote &&
    !wishes.dwellingType &&
    !wishes.ownWords;
  if (isEmpty) return <Paragraph>Nog geen wensen vastgelegd.</Paragraph>;
  return (
    <>
      {wishes.ownWords && (
        <Blockquote className="case-own-words" aria-label="In de woorden van de bewoner">
          <Paragraph>{wishes.ownWords}</Paragraph>
        </Blockquote>
      )}
      <DataList className="case-facts">
        {wishes.municipalities?.length ? (
          <DataListItem>
            <DataListKey>Gemeenten</DataListKey>
            <DataListValue>
              <OrderedList className="case-wish-list">
                {wishes.municipalities.map((code) => (
                  <OrderedListItem key={code}>{region.nameOf(code)}</OrderedListItem>
                ))}
              </OrderedList>
            </DataListValue>
          </DataListItem>
        ) : null}
        {wished.length > 0 && (
          <DataListItem>
            <DataListKey>Gewenste wijken</DataListKey>
            <DataListValue>{wished.join(', ')}</DataListValue>
          </DataListItem>
        )}
        {avoided.length > 0 && (
          <DataListItem>
            <DataListKey>Wijken om te vermijden</DataListKey>
            <DataListValue>{avoided.join(', ')}</DataListValue>
          </DataListItem>
        )}
        {wishes.neighbourhoodNote && (
          <DataListItem>
            <DataListKey>Toelichting bij de wijken</DataListKey>
            <DataListValue>{wishes.neighbourhoodNote}</DataListValue>
          </DataListItem>
        )}
        {wishes.dwellingType && (
          <DataListItem>
            <DataListKey>Woningtype</DataListKey>
            <DataListValue>{dwellingTypeLabel[wishes.dwellingType]}</DataListValue>
          </DataListItem>
        )}
      </DataList>
    </>
  );
}

function ExceptionsSummary({
  exceptions,
  excluded,
  region,
}: {
  exceptions: OriginException[];
  excluded?: string[];
  region: RegionMunicipalities;
}) {
  if (!exceptions.length && !excluded?.length)
    return (
      <Paragraph>
        Geen uitzonderingen vastgelegd. De herkomstregel geldt zonder uitzondering.
      </Paragraph>
    );
  return (
    <DataList className="case-facts">
      {exceptions.map((e) => (
        <DataListItem key={e.kind}>
          <DataListKey>Uitzondering {e.kind}</DataListKey>
          <DataListValue>
            {e.kind === 'A' && 'Belemmeringen in de herkomstgemeente. '}
            {e.kind === 'B' &&
              `Betere kansen in ${region.nameOf(e.municipality)} (${e.ground === 'netwerk' ? 'steunend netwerk' : 'vaste daginvulling'}; ${e.canTravelFromOrigin ? 'wel' : 'niet'} te bereizen vanuit de herkomst). `}
            {e.kind === 'D' &&
              `Anders echt niet passend; gemeente ${region.nameOf(e.municipality)}. `}
            <q>{e.motivation}</q>
          </DataListValue>
        </DataListItem>
      ))}
      {excluded && excluded.length > 0 && (
        <DataListItem>
          <DataListKey>Uitgesloten gemeenten</DataListKey>
          <DataListValue>{excluded.map(region.nameOf).join(', ')}</DataListValue>
        </DataListItem>
      )}
    </DataList>
  );
}

/** The file's sections, read-only, each with a link to its intake step. Absent sections render nothing. */
function FileSections({
  view,
  region,
  editLink,
}: {
  view: ProjectedCase;
  region: RegionMunicipalities;
  editLink?: (step: IntakeStepSlug) => string;
}) {
  const blocks: {
    key: string;
    title: string;
    step: IntakeStepSlug;
    sections: CaseSectionName[];
    note?: string;
    extra?: ReactNode;
  }[] = [
    {
      key: 'bewoner',
      title: 'Bewoner',
      step: 'bewoner',
      sections: ['identity', 'contact', 'household'],
    },
    { key: 'verblijf', title: 'Verblijf', step: 'verblijf', sections: ['stay'] },
    {
      key: 'adressen',
      title: 'Adresgeschiedenis en herkomst',
      step: 'adressen',
      sections: ['addresses', 'isOriginUntraceable'],
      extra:
        view.origin !== undefined ? (
          <Paragraph>
            Herkomst volgens de adressen:{' '}
            <strong>{view.origin ? region.nameOf(view.origin) : 'niet te bepalen'}</strong>
          </Paragraph>
        ) : null,
    },
    {
      key: 'woonbehoeften',
      title: 'Woonbehoeften',
      step: 'woonbehoeften',
      sections: ['housingNeeds'],
    },
    {
      key: 'ondersteuning',
      title: 'Ondersteuning',
      step: 'ondersteuning',
      sections: ['supportNeeds'],
    },
    {
      key: 'gevoelig',
      title: 'Gevoelige informatie',
      step: 'gevoelig',
      sections: ['sensitive'],
      note: 'Alleen zichtbaar voor de casemanagers van de eigen organisatie.',
    },
  ];
  const isShown = (s: CaseSectionName) => view[s] !== undefined;
  const cards = blocks.flatMap((block) => {
    const facts = block.sections
      .filter(isShown)
      // "No" for untraceable is the default, not a fact worth a line.
      .filter((s) => !(s === 'isOriginUntraceable' && view.isOriginUntraceable === false))
      .flatMap((s) =>
        describeSection(s, view[s] as never, region.nameOf).map((f) => ({
          ...f,
          key: `${s}-${f.label}`,
        })),
      );
    // "Nothing recorded" only where the seat sees the whole block: a hidden part is not an empty one.
    const isWholeBlockShown = block.sections.every(isShown);
    return facts.length || block.extra || isWholeBlockShown
      ? [{ ...block, facts, isWholeBlockShown }]
      : [];
  });
  if (!cards.length) return null;
  return (
    <section className="case-file" aria-labelledby="dossier-kop">
      <Heading level={2} id="dossier-kop">
        Dossier
      </Heading>
      <div className="case-file__grid">
        {cards.map((card) => {
          const headingId = `dossier-${card.key}`;
          return (
            <section key={card.key} className="case-card" aria-labelledby={headingId}>
              <SectionHeading
                id={headingId}
                level={3}
                title={card.title}
                edit={editLink?.(card.step)}
              />
              {card.note && <Paragraph className="case-card__note">{card.note}</Paragraph>}
              {card.extra}
              {card.facts.length ? (
                <DataList className="case-facts">
                  {card.facts.map((f) => (
                    <DataListItem key={f.key}>
                      <DataListKey>{f.label}</DataListKey>
                      <DataListValue>{f.value}</DataListValue>
                    </DataListItem>
                  ))}
                </DataList>
              ) : (
                card.isWholeBlockShown && (
                  <Paragraph className="case-card__empty">Nog niets vastgelegd.</Paragraph>
                )
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
