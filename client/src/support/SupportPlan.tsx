import { Button, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { formatDutchDate } from '@uitstroom/shared';
import { useMe } from '../core/session';
import { ApiError } from '../core/api';
import { relapsePlanSide } from '../core/seats';
import { messageOf } from '../core/messages';
import { formatDutchTimestamp } from '../core/format';
import { FailureAlert } from '../core/FailureAlert';
import { agreeRelapsePlan, type ProjectedSupport, useSupportWrite } from './support-api';
import { CheckForm } from './CheckForm';
import { PlanForm } from './PlanForm';
import { FoldedForm, Part, type PartProps } from './SupportPart';
import { Facts } from '../core/Facts';

type RelapsePlan = NonNullable<ProjectedSupport['plan']>;

/** An agreement that came too late: the plan changed meanwhile, so the page must be read again. */
const agreeFailure = (error: unknown) =>
  error instanceof ApiError && error.code === 'VERSION_CONFLICT'
    ? `${error.message} Laad de pagina opnieuw.`
    : messageOf(error);

export function Plan({
  support,
  caseId,
  canWrite,
  canAgree,
  onSaved,
}: PartProps & { canAgree: boolean }) {
  const write = useSupportWrite(caseId);
  const me = useMe();
  const plan = support.plan ?? null;
  const side = relapsePlanSide[me.seat];
  const agree = (version: number) =>
    write.mutate(() => agreeRelapsePlan(caseId, version), {
      onSuccess: (next) => onSaved(next, `U hebt ingestemd met versie ${version} van het plan.`),
    });
  return (
    <Part id="nazorg-plan" title="Terugvalpreventieplan">
      {!plan ? (
        <Paragraph>Nog geen plan opgesteld.</Paragraph>
      ) : (
        <>
          <PlanFacts plan={plan} />
          {canAgree && side && !plan[side] && (
            <Button
              type="button"
              appearance="secondary-action-button"
              disabled={write.isPending}
              onClick={() => agree(plan.version)}
            >
              Instemmen met versie {plan.version}
            </Button>
          )}
          <FailureAlert failure={write.error ? agreeFailure(write.error) : null} />
        </>
      )}
      {canWrite && (
        <FoldedForm
          summary={plan ? 'Nieuwe versie van het plan' : 'Plan opstellen'}
          onSaved={onSaved}
        >
          {(saved) => <PlanForm caseId={caseId} plan={plan} onSaved={saved} />}
        </FoldedForm>
      )}
    </Part>
  );
}

const agreedOn = (at: string | null) =>
  at ? `ingestemd op ${formatDutchTimestamp(at)}` : 'nog niet ingestemd';

function PlanFacts({ plan }: { plan: RelapsePlan }) {
  const facts: [string, string][] = [
    ['Wie neemt het over', plan.whoTakesOver],
    ['Hoe schalen we op', plan.howToScaleUp],
    ['Laatste woord', plan.finalSay],
    ['Aanbieder', agreedOn(plan.providerAgreedAt)],
    ['Gemeente', agreedOn(plan.municipalityAgreedAt)],
  ];
  return (
    <>
      <div className="case-header__badges">
        <StatusBadge status={plan.isAgreed ? 'success' : 'warning'} className="support-badge">
          Versie {plan.version} ·{' '}
          {plan.isAgreed ? 'afgesproken' : 'nog niet door beide kanten ingestemd'}
        </StatusBadge>
      </div>
      <Facts facts={facts} />
    </>
  );
}

const yes = (value: boolean | null) => (value === null ? '—' : value ? 'ja' : 'nee');

export function Checks({
  support,
  caseId,
  canAnswer,
  onSaved,
}: Omit<PartProps, 'canWrite'> & { canAnswer: boolean }) {
  const checks = support.checks ?? [];
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
