import { StatusBadge } from '@utrecht/component-library-react';
import {
  fitCriterionLabel,
  fitVerdictLabel,
  type FitResult,
  type FitVerdict,
} from '@uitstroom/shared';

const verdictMark: Record<FitVerdict, string> = { fits: '✓', doesNotFit: '✗', unknown: '?' };

/** How well a dwelling and a case fit, as a badge: a whole fit, or a near one with its score. */
export function FitBadge({ fit }: { fit: FitResult }) {
  return fit.isFit ? (
    <StatusBadge status="success" className="fit-badge fit-badge--fits">
      Past ({fit.score}%)
    </StatusBadge>
  ) : (
    <StatusBadge status="warning" className="fit-badge fit-badge--near">
      Past deels ({fit.score}%)
    </StatusBadge>
  );
}

/** The reason for each criterion, with its verdict in words (the mark alone is decoration). */
export function FitReasons({ fit }: { fit: FitResult }) {
  return (
    <ul className="fit-reasons">
      {fit.reasons.map((reason) => (
        <li
          key={reason.criterion}
          className={`fit-reasons__item fit-reasons__item--${reason.verdict}`}
        >
          <span className="fit-reasons__mark" aria-hidden="true">
            {verdictMark[reason.verdict]}
          </span>
          <span>
            <strong>
              {fitCriterionLabel[reason.criterion]}: {fitVerdictLabel[reason.verdict].toLowerCase()}
              .
            </strong>{' '}
            {reason.text}
          </span>
        </li>
      ))}
    </ul>
  );
}
