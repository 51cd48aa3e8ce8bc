import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  StatusBadge,
  Table as DataTable,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  contactKindLabel,
  formatDutchDate,
  goalProgresses,
  goalProgressLabel,
  intensityDirectionLabel,
  lifeDomainLabel,
  signalKindLabel,
  signalSeverityLabel,
} from '@uitstroom/shared';
import { useMe } from '../core/session';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../core/api';
import { relapsePlanSide } from '../core/seats';
import { queryKeys } from '../core/query/query-keys';
import { messageOf } from '../core/messages';
import { formatDutchTimestamp } from '../core/format';
import {
  addSupportEntry,
  agreeRelapsePlan,
  fetchSupport,
  type ProjectedSupport,
  useSupportWrite,
} from './support-api';
import {
  CheckForm,
  CloseForm,
  ContactForm,
  Fold,
  GoalForm,
  IntensityForm,
  PlanForm,
  RespiteForm,
  SignalForm,
  StartSupportForm,
} from './SupportForms';
import './support.css';
import { FailureAlert } from '../core/FailureAlert';

/**
 * "Nazorg" on the case page (issue 13): follow-up support after the move, as the reader's seat may
 * see it. The server decides what the seat reads (a part it may not read is absent) and what it
 * may do (`can`); this panel shows exactly that. The follow-up provider keeps the log; the case
 * manager reads it all and may close; the municipality reads the intensity, the goals, the signals
 * by kind and agrees the plan.
 */
export function SupportPanel({
  caseId,
  caseVersion,
  onCaseChanged,
}: {
  caseId: string;
  caseVersion: number;
  /** Starting and closing move the case: the page reads it again and says what happened. */
  onCaseChanged(notice: string): void;
}) {
  // Read again whenever the case changes, here or by another seat (the case page invalidates it).
  const supportQuery = useQuery({
    queryKey: queryKeys.caseSupport(caseId),
    queryFn: ({ signal }) => fetchSupport(caseId, signal),
  });
  const support = supportQuery.data ?? null;
  const error = supportQuery.error;
  // A seat without follow-up support in its work (corporation, chair) sees no panel at all.
  const isHidden = error instanceof ApiError && (error.status === 403 || error.status === 404);
  const failure =
    supportQuery.isError && !isHidden
      ? messageOf(error, 'De nazorg kon niet worden geladen.')
      : null;
  const [notice, setNotice] = useState<string | null>(null);

  if (isHidden) return null;
  const heading = (
    <Heading level={2} id="nazorg-kop">
      Nazorg
    </Heading>
  );
  if (failure)
    return (
      <section className="case-card support" aria-labelledby="nazorg-kop">
        {heading}
        <Alert type="error">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      </section>
    );
  if (!support)
    return (
      <section className="case-card support" aria-labelledby="nazorg-kop">
        {heading}
        <Paragraph role="status">Nazorg laden…</Paragraph>
      </section>
    );

  // Each write has set the new support log in the cache already (useSupportWrite).
  const saved = (_next: ProjectedSupport, message: string) => setNotice(message);
  const movedCase = (_next: ProjectedSupport, message: string) => {
    setNotice(null);
    onCaseChanged(message);
  };
  const can = support.can ?? {
    start: false,
    write: false,
    agreePlan: false,
    close: false,
    answerChecks: false,
  };

  return (
    <section className="case-card support" aria-labelledby="nazorg-kop">
      {heading}
      <div role="status" className="support-notice">
        {notice && (
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      {!support.isStarted ? (
        can.start ? (
          <StartSupportForm
            caseId={caseId}
            caseVersion={caseVersion}
            recordedMove={support.recordedMove ?? null}
            onSaved={(next) =>
              movedCase(next, 'De nazorg is gestart. De casus staat nu in de nazorg.')
            }
          />
        ) : (
          <Paragraph>
            De bewoner is verhuisd. De nazorg is nog niet gestart: dat doet de nazorgaanbieder uit
            het besluit.
          </Paragraph>
        )
      ) : (
        <>
          <SupportFacts support={support} />
          <Intensity support={support} caseId={caseId} canWrite={can.write} onSaved={saved} />
          <Goals support={support} caseId={caseId} canWrite={can.write} onSaved={saved} />
          {support.contacts !== undefined && (
            <Contacts support={support} caseId={caseId} canWrite={can.write} onSaved={saved} />
          )}
          {support.respite !== undefined && (
            <Respite support={support} caseId={caseId} canWrite={can.write} onSaved={saved} />
          )}
          {support.signals !== undefined && (
            <Signals support={support} caseId={caseId} canWrite={can.write} onSaved={saved} />
          )}
          {support.plan !== undefined && (
            <Plan
              support={support}
              caseId={caseId}
              canWrite={can.write}
              canAgree={can.agreePlan}
              onSaved={saved}
            />
          )}
          {support.checks !== undefined && (
            <Checks
              support={support}
              caseId={caseId}
              canAnswer={can.answerChecks}
              onSaved={saved}
            />
          )}
          {can.close && (
            <Part id="nazorg-afsluiten" title="Afsluiten">
              <CloseForm
                caseId={caseId}
                caseVersion={caseVersion}
                startedOn={support.startedOn ?? null}
                signals={support.signals}
                openPreconditions={support.openPreconditions}
                onSaved={movedCase}
              />
            </Part>
          )}
        </>
      )}
    </section>
  );
}

interface PartProps {
  support: ProjectedSupport;
  caseId: string;
  canWrite: boolean;
  onSaved(next: ProjectedSupport, notice: string): void;
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="support-part" aria-labelledby={id}>
      <Heading level={3} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** A provider's form under its part, folded until opened; closed again after a save. */
function useFold() {
  const [isOpen, setIsOpen] = useState(false);
  return { isOpen, onToggle: setIsOpen, close: () => setIsOpen(false) };
}

function SupportFacts({ support }: { support: ProjectedSupport }) {
  const facts: [string, ReactNode][] = [];
  if (support.providerName) facts.push(['Nazorgaanbieder', support.providerName]);
  if (support.landlordName) facts.push(['Verhuurder', support.landlordName]);
  if (support.keyHandoverDate)
    facts.push(['Sleuteloverdracht', formatDutchDate(support.keyHandoverDate)]);
  if (support.startedOn) facts.push(['Nazorg gestart op', formatDutchDate(support.startedOn)]);
  if (support.currentHoursPerWeek !== undefined && support.currentHoursPerWeek !== null)
    facts.push(['Uren begeleiding per week', formatHours(support.currentHoursPerWeek)]);
  return (
    <>
      <div className="case-header__badges">
        <StatusBadge status={support.isClosed ? 'neutral' : 'success'} className="support-badge">
          {support.isClosed ? 'Afgesloten' : 'Nazorg loopt'}
        </StatusBadge>
      </div>
      <DataList className="case-facts support-facts">
        {facts.map(([label, value]) => (
          <DataListItem key={label}>
            <DataListKey>{label}</DataListKey>
            <DataListValue>{value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </>
  );
}

const formatHours = (hours: number) => `${String(hours).replace('.', ',')} uur`;

function Intensity({ support, caseId, canWrite, onSaved }: PartProps) {
  const fold = useFold();
  const rows = support.intensity ?? [];
  const hasReasons = rows.some((r) => r.reason !== undefined);
  return (
    <Part id="nazorg-intensiteit" title="Intensiteit">
      {rows.length === 0 ? (
        <Paragraph>Nog geen uren vastgelegd.</Paragraph>
      ) : (
        <DataTable className="support-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Vanaf</TableHeaderCell>
              <TableHeaderCell scope="col">Uren per week</TableHeaderCell>
              <TableHeaderCell scope="col">Wijziging</TableHeaderCell>
              {hasReasons && <TableHeaderCell scope="col">Waarom</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{formatDutchDate(r.date)}</TableCell>
                <TableCell>{formatHours(r.hoursPerWeek)}</TableCell>
                <TableCell>{intensityDirectionLabel[r.direction]}</TableCell>
                {hasReasons && <TableCell>{r.reason ?? ''}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </DataTable>
      )}
      {canWrite && (
        <Fold
          summary="Intensiteit wijzigen (op- of afschalen)"
          isOpen={fold.isOpen}
          onToggle={fold.onToggle}
        >
          <IntensityForm
            caseId={caseId}
            currentHours={support.currentHoursPerWeek ?? null}
            onSaved={(next, notice) => {
              fold.close();
              onSaved(next, notice);
            }}
          />
        </Fold>
      )}
    </Part>
  );
}

function Goals({ support, caseId, canWrite, onSaved }: PartProps) {
  const write = useSupportWrite(caseId);
  const fold = useFold();
  const [failure, setFailure] = useState<string | null>(null);
  const goals = support.goals ?? [];
  const setProgress = async (goalId: string, progress: (typeof goalProgresses)[number]) => {
    setFailure(null);
    try {
      onSaved(
        await write.mutateAsync(() =>
          addSupportEntry(caseId, { type: 'goalProgress', goalId, progress }),
        ),
        `De voortgang is bijgewerkt: ${goalProgressLabel[progress].toLowerCase()}.`,
      );
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  return (
    <Part id="nazorg-doelen" title="Doelen per leefgebied">
      {goals.length === 0 ? (
        <Paragraph>Nog geen doelen.</Paragraph>
      ) : (
        <ul className="support-list">
          {goals.map((g) => (
            <li key={g.id} className="support-goal">
              <span>
                <strong>{lifeDomainLabel[g.lifeDomain]}</strong>
                {g.description ? `: ${g.description}` : ''}
              </span>
              {canWrite ? (
                <label className="support-goal__progress">
                  <span className="visually-hidden">
                    Voortgang van {g.description ?? lifeDomainLabel[g.lifeDomain]}
                  </span>
                  <select
                    className="utrecht-select utrecht-select--html-select"
                    value={g.progress}
                    onChange={(e) =>
                      void setProgress(g.id, e.target.value as (typeof goalProgresses)[number])
                    }
                  >
                    {goalProgresses.map((p) => (
                      <option key={p} value={p}>
                        {goalProgressLabel[p]}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <StatusBadge
                  status={
                    g.progress === 'achieved'
                      ? 'success'
                      : g.progress === 'stalled'
                        ? 'warning'
                        : 'neutral'
                  }
                  className="support-badge"
                >
                  {goalProgressLabel[g.progress]}
                </StatusBadge>
              )}
            </li>
          ))}
        </ul>
      )}
      <FailureAlert failure={failure} />
      {canWrite && (
        <Fold summary="Doel toevoegen" isOpen={fold.isOpen} onToggle={fold.onToggle}>
          <GoalForm
            caseId={caseId}
            onSaved={(next, notice) => {
              fold.close();
              onSaved(next, notice);
            }}
          />
        </Fold>
      )}
    </Part>
  );
}

function Contacts({ support, caseId, canWrite, onSaved }: PartProps) {
  const fold = useFold();
  const contacts = support.contacts ?? [];
  return (
    <Part id="nazorg-contacten" title="Contacten">
      {contacts.length === 0 ? (
        <Paragraph>Nog geen contacten vastgelegd.</Paragraph>
      ) : (
        <DataTable className="support-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Datum</TableHeaderCell>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">Duur</TableHeaderCell>
              <TableHeaderCell scope="col">Notitie</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...contacts].reverse().map((c) => (
              <TableRow key={c.id}>
                <TableCell>{formatDutchDate(c.date)}</TableCell>
                <TableCell>{contactKindLabel[c.kind]}</TableCell>
                <TableCell>{c.durationMinutes} min.</TableCell>
                <TableCell>{c.note ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </DataTable>
      )}
      {canWrite && (
        <Fold summary="Contact vastleggen" isOpen={fold.isOpen} onToggle={fold.onToggle}>
          <ContactForm
            caseId={caseId}
            onSaved={(next, notice) => {
              fold.close();
              onSaved(next, notice);
            }}
          />
        </Fold>
      )}
    </Part>
  );
}

function Respite({ support, caseId, canWrite, onSaved }: PartProps) {
  const fold = useFold();
  const stays = support.respite ?? [];
  if (stays.length === 0 && !canWrite) return null;
  return (
    <Part id="nazorg-logeren" title="Logeeropvang">
      {stays.length === 0 ? (
        <Paragraph>Geen logeeropvang vastgelegd.</Paragraph>
      ) : (
        <ul className="support-list">
          {stays.map((r) => (
            <li key={r.id}>
              {formatDutchDate(r.from)} tot en met {formatDutchDate(r.to)}
              {r.place ? ` — ${r.place}` : ''}
              {r.reason ? `: ${r.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <Fold summary="Logeeropvang vastleggen" isOpen={fold.isOpen} onToggle={fold.onToggle}>
          <RespiteForm
            caseId={caseId}
            onSaved={(next, notice) => {
              fold.close();
              onSaved(next, notice);
            }}
          />
        </Fold>
      )}
    </Part>
  );
}

function Signals({ support, caseId, canWrite, onSaved }: PartProps) {
  const fold = useFold();
  const signals = support.signals ?? [];
  return (
    <Part id="nazorg-signalen" title="Signalen">
      {signals.length === 0 ? (
        <Paragraph>Geen signalen gemeld.</Paragraph>
      ) : (
        <ul className="support-list support-signals">
          {[...signals].reverse().map((s) => (
            <li key={s.id} className={`support-signal support-signal--${s.severity}`}>
              <Paragraph className="support-signal__head">
                <strong>{signalKindLabel[s.kind]}</strong> · ernst{' '}
                {signalSeverityLabel[s.severity].toLowerCase()} · {formatDutchDate(s.date)}
              </Paragraph>
              {s.description && <Paragraph>{s.description}</Paragraph>}
              {s.escalatedToTable && (
                <Paragraph className="support-signal__table">
                  Geëscaleerd naar de tafel{' '}
                  <RouterLink className="utrecht-link" to={`/tafels/${s.escalatedToTable.id}`}>
                    {s.escalatedToTable.title}
                  </RouterLink>
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <Fold summary="Signaal melden" isOpen={fold.isOpen} onToggle={fold.onToggle}>
          <SignalForm
            caseId={caseId}
            onSaved={(next, notice) => {
              fold.close();
              onSaved(next, notice);
            }}
          />
        </Fold>
      )}
    </Part>
  );
}

function Plan({ support, caseId, canWrite, canAgree, onSaved }: PartProps & { canAgree: boolean }) {
  const write = useSupportWrite(caseId);
  const me = useMe();
  const fold = useFold();
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const plan = support.plan ?? null;
  const side = relapsePlanSide[me.seat];
  const agree = async () => {
    if (!plan) return;
    setIsBusy(true);
    setFailure(null);
    try {
      onSaved(
        await write.mutateAsync(() => agreeRelapsePlan(caseId, plan.version)),
        `U hebt ingestemd met versie ${plan.version} van het plan.`,
      );
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.code === 'VERSION_CONFLICT'
          ? `${error.message} Laad de pagina opnieuw.`
          : messageOf(error),
      );
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Part id="nazorg-plan" title="Terugvalpreventieplan">
      {!plan ? (
        <Paragraph>Nog geen plan opgesteld.</Paragraph>
      ) : (
        <>
          <div className="case-header__badges">
            <StatusBadge status={plan.isAgreed ? 'success' : 'warning'} className="support-badge">
              Versie {plan.version} ·{' '}
              {plan.isAgreed ? 'afgesproken' : 'nog niet door beide kanten ingestemd'}
            </StatusBadge>
          </div>
          <DataList className="case-facts">
            <DataListItem>
              <DataListKey>Wie neemt het over</DataListKey>
              <DataListValue>{plan.whoTakesOver}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>Hoe schalen we op</DataListKey>
              <DataListValue>{plan.howToScaleUp}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>Laatste woord</DataListKey>
              <DataListValue>{plan.finalSay}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>Aanbieder</DataListKey>
              <DataListValue>
                {plan.providerAgreedAt
                  ? `ingestemd op ${formatDutchTimestamp(plan.providerAgreedAt)}`
                  : 'nog niet ingestemd'}
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>Gemeente</DataListKey>
              <DataListValue>
                {plan.municipalityAgreedAt
                  ? `ingestemd op ${formatDutchTimestamp(plan.municipalityAgreedAt)}`
                  : 'nog niet ingestemd'}
              </DataListValue>
            </DataListItem>
          </DataList>
          {canAgree && side && !plan[side] && (
            <Button
              type="button"
              appearance="secondary-action-button"
              disabled={isBusy}
              onClick={() => void agree()}
            >
              Instemmen met versie {plan.version}
            </Button>
          )}
          <FailureAlert failure={failure} />
        </>
      )}
      {canWrite && (
        <Fold
          summary={plan ? 'Nieuwe versie van het plan' : 'Plan opstellen'}
          isOpen={fold.isOpen}
          onToggle={fold.onToggle}
        >
          <PlanForm
            caseId={caseId}
            plan={plan}
            onSaved={(next, notice) => {
              fold.close();
              onSaved(next, notice);
            }}
          />
        </Fold>
      )}
    </Part>
  );
}

function Checks({
  support,
  caseId,
  canAnswer,
  onSaved,
}: {
  support: ProjectedSupport;
  caseId: string;
  canAnswer: boolean;
  onSaved: PartProps['onSaved'];
}) {
  const checks = support.checks ?? [];
  const yes = (value: boolean | null) => (value === null ? '—' : value ? 'ja' : 'nee');
  return (
    <Part id="nazorg-nametingen" title="Nametingen na 6 en 12 maanden">
      {checks.length === 0 ? (
        <Paragraph>
          Nog geen nameting gevraagd. De eerste volgt 6 maanden na de sleuteloverdracht.
        </Paragraph>
      ) : (
        <ul className="support-list">
          {checks.map((c) => (
            <li key={c.id}>
              <strong>Na {c.months} maanden</strong> (vanaf {formatDutchDate(c.dueOn)}):{' '}
              {c.isAnswered
                ? `woont er nog: ${yes(c.stillLivesThere)}; huurcontract op eigen naam: ${yes(c.tenancyConverted)}.`
                : 'nog niet beantwoord.'}
              {!c.isAnswered && canAnswer && (
                <CheckForm caseId={caseId} checkId={c.id} months={c.months} onSaved={onSaved} />
              )}
            </li>
          ))}
        </ul>
      )}
    </Part>
  );
}
