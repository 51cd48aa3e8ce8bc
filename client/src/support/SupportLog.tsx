import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import {
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
import { FailureAlert } from '../core/FailureAlert';
import { messageOf } from '../core/messages';
import { addSupportEntry, type ProjectedSupport, useSupportWrite } from './support-api';
import { ContactForm } from './ContactForm';
import { GoalForm } from './GoalForm';
import { IntensityForm } from './IntensityForm';
import { RespiteForm } from './RespiteForm';
import { SignalForm } from './SignalForm';
import { FoldedForm, Part, type PartProps } from './SupportPart';
import { Facts } from '../core/Facts';

type Goal = NonNullable<ProjectedSupport['goals']>[number];
type GoalProgress = (typeof goalProgresses)[number];

export const formatHours = (hours: number) => `${String(hours).replace('.', ',')} uur`;

export function SupportFacts({ support }: { support: ProjectedSupport }) {
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
      <Facts facts={facts} className="case-facts support-facts" />
    </>
  );
}

/** A table of the log: its column headings, and a row of cells per entry. */
function LogTable({ headings, rows }: { headings: string[]; rows: [string, ReactNode[]][] }) {
  return (
    <DataTable className="support-table">
      <TableHeader>
        <TableRow>
          {headings.map((heading) => (
            <TableHeaderCell key={heading} scope="col">
              {heading}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(([key, cells]) => (
          <TableRow key={key}>
            {cells.map((cell, index) => (
              <TableCell key={index}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}

export function Intensity({ support, caseId, canWrite, onSaved }: PartProps) {
  const rows = support.intensity ?? [];
  const hasReasons = rows.some((r) => r.reason !== undefined);
  return (
    <Part id="nazorg-intensiteit" title="Intensiteit">
      {rows.length === 0 ? (
        <Paragraph>Nog geen uren vastgelegd.</Paragraph>
      ) : (
        <LogTable
          headings={['Vanaf', 'Uren per week', 'Wijziging', ...(hasReasons ? ['Waarom'] : [])]}
          rows={rows.map((r) => [
            r.id,
            [
              formatDutchDate(r.date),
              formatHours(r.hoursPerWeek),
              intensityDirectionLabel[r.direction],
              ...(hasReasons ? [r.reason ?? ''] : []),
            ],
          ])}
        />
      )}
      {canWrite && (
        <FoldedForm summary="Intensiteit wijzigen (op- of afschalen)" onSaved={onSaved}>
          {(saved) => (
            <IntensityForm
              caseId={caseId}
              currentHours={support.currentHoursPerWeek ?? null}
              onSaved={saved}
            />
          )}
        </FoldedForm>
      )}
    </Part>
  );
}

export function Goals({ support, caseId, canWrite, onSaved }: PartProps) {
  const write = useSupportWrite(caseId);
  const goals = support.goals ?? [];
  const setProgress = (goalId: string, progress: GoalProgress) =>
    write.mutate(() => addSupportEntry(caseId, { type: 'goalProgress', goalId, progress }), {
      onSuccess: (next) =>
        onSaved(next, `De voortgang is bijgewerkt: ${goalProgressLabel[progress].toLowerCase()}.`),
    });
  return (
    <Part id="nazorg-doelen" title="Doelen per leefgebied">
      {goals.length === 0 ? (
        <Paragraph>Nog geen doelen.</Paragraph>
      ) : (
        <ul className="support-list">
          {goals.map((g) => (
            <GoalItem
              key={g.id}
              goal={g}
              onProgress={canWrite ? (progress) => setProgress(g.id, progress) : null}
            />
          ))}
        </ul>
      )}
      <FailureAlert failure={write.error ? messageOf(write.error) : null} />
      {canWrite && (
        <FoldedForm summary="Doel toevoegen" onSaved={onSaved}>
          {(saved) => <GoalForm caseId={caseId} onSaved={saved} />}
        </FoldedForm>
      )}
    </Part>
  );
}

const progressStatus = (progress: GoalProgress) =>
  progress === 'achieved' ? 'success' : progress === 'stalled' ? 'warning' : 'neutral';

/** A goal and its progress: a choice for the provider, a badge for the other seats. */
function GoalItem({
  goal,
  onProgress,
}: {
  goal: Goal;
  onProgress: ((progress: GoalProgress) => void) | null;
}) {
  return (
    <li className="support-goal">
      <span>
        <strong>{lifeDomainLabel[goal.lifeDomain]}</strong>
        {goal.description ? `: ${goal.description}` : ''}
      </span>
      {onProgress ? (
        <label className="support-goal__progress">
          <span className="visually-hidden">
            Voortgang van {goal.description ?? lifeDomainLabel[goal.lifeDomain]}
          </span>
          <select
            className="utrecht-select utrecht-select--html-select"
            value={goal.progress}
            onChange={(e) => onProgress(e.target.value as GoalProgress)}
          >
            {goalProgresses.map((p) => (
              <option key={p} value={p}>
                {goalProgressLabel[p]}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <StatusBadge status={progressStatus(goal.progress)} className="support-badge">
          {goalProgressLabel[goal.progress]}
        </StatusBadge>
      )}
    </li>
  );
}

export function Contacts({ support, caseId, canWrite, onSaved }: PartProps) {
  const contacts = support.contacts ?? [];
  return (
    <Part id="nazorg-contacten" title="Contacten">
      {contacts.length === 0 ? (
        <Paragraph>Nog geen contacten vastgelegd.</Paragraph>
      ) : (
        <LogTable
          headings={['Datum', 'Soort', 'Duur', 'Notitie']}
          rows={[...contacts]
            .reverse()
            .map((c) => [
              c.id,
              [
                formatDutchDate(c.date),
                contactKindLabel[c.kind],
                `${c.durationMinutes} min.`,
                c.note ?? '',
              ],
            ])}
        />
      )}
      {canWrite && (
        <FoldedForm summary="Contact vastleggen" onSaved={onSaved}>
          {(saved) => <ContactForm caseId={caseId} onSaved={saved} />}
        </FoldedForm>
      )}
    </Part>
  );
}

export function Respite({ support, caseId, canWrite, onSaved }: PartProps) {
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
        <FoldedForm summary="Logeeropvang vastleggen" onSaved={onSaved}>
          {(saved) => <RespiteForm caseId={caseId} onSaved={saved} />}
        </FoldedForm>
      )}
    </Part>
  );
}

type Signal = NonNullable<ProjectedSupport['signals']>[number];

export function Signals({ support, caseId, canWrite, onSaved }: PartProps) {
  const signals = support.signals ?? [];
  return (
    <Part id="nazorg-signalen" title="Signalen">
      {signals.length === 0 ? (
        <Paragraph>Geen signalen gemeld.</Paragraph>
      ) : (
        <ul className="support-list support-signals">
          {[...signals].reverse().map((s) => (
            <SignalItem key={s.id} signal={s} />
          ))}
        </ul>
      )}
      {canWrite && (
        <FoldedForm summary="Signaal melden" onSaved={onSaved}>
          {(saved) => <SignalForm caseId={caseId} onSaved={saved} />}
        </FoldedForm>
      )}
    </Part>
  );
}

function SignalItem({ signal: s }: { signal: Signal }) {
  return (
    <li className={`support-signal support-signal--${s.severity}`}>
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
  );
}
