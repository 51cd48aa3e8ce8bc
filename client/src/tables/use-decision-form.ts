import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { DecisionInput } from '@uitstroom/shared';
import { useConfirmedSubmit } from '../core/ConfirmDialog';
import { useMe } from '../core/session';
import { ApiError } from '../core/api';
import { flattenErrors } from '../core/form-errors';
import { messageOf } from '../core/messages';
import {
  checkDecision,
  decisionContextOf,
  decisionResolver,
  initialDecisionValues,
  orderProblems,
  placeDecisionIssues,
  toDecisionBody,
  type Attendee,
  type DecisionValues,
} from './decision-form';
import { isVersionConflict, type AgendaEntry, type Table } from './table-api';
import { useTableStep } from './table-mutations';

/** A valid decision waiting for the chair's yes: the values as typed, and the request. */
export interface DecisionSubmission {
  formValues: DecisionValues;
  body: DecisionInput;
}

interface DecisionFormOptions {
  table: Table;
  item: AgendaEntry;
  attendees: readonly Attendee[];
  /** Reads the table again (the decision's version was stale). */
  reload(): Promise<void>;
  onDecided(): void;
}

/**
 * "Besluit vastleggen" as a form: checked by the shared decision rules on submit, then at every
 * change; a valid decision is asked once more before it is recorded (issue 27.1); the server's
 * refusal lands at the fields. The summary of problems takes the focus, not the first field: it
 * says what is wrong, and links to each.
 */
export function useDecisionForm({
  table,
  item,
  attendees,
  reload,
  onDecided,
}: DecisionFormOptions) {
  const me = useMe();
  const context = decisionContextOf(table, item, attendees);
  const contextRef = useRef(context);
  contextRef.current = context;
  const [resolver] = useState(() => decisionResolver(() => contextRef.current));
  const form = useForm<DecisionValues>({
    defaultValues: initialDecisionValues(context, {
      chairOrganisationId: me.organisation.id,
      caseOwnerOrganisationId: item.case.owner?.organisationId,
    }),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const values = useWatch({ control: form.control }) as DecisionValues;
  const { errors, isSubmitted } = form.formState;
  const { summaryRef, focusSummary } = useSummaryFocus();
  const [failure, setFailure] = useState<string | null>(null);
  // Rule and destination decide what else is required: once shown, those messages follow them.
  useEffect(() => {
    if (isSubmitted)
      void form.trigger(['destination', 'motivation', 'referralSummary', 'followUpProviderId']);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-check only when rule or destination changes
  }, [values.rule, values.destination]);
  const confirmation = useConfirmedSubmit<DecisionSubmission>();
  const submit = form.handleSubmit((formValues) => {
    setFailure(null);
    const { body } = checkDecision(formValues, contextRef.current);
    if (body) confirmation.ask({ formValues, body });
  }, focusSummary);
  const decide = useTableStep(table, reload);
  const send = async ({ formValues, body }: DecisionSubmission) => {
    try {
      await decide.mutateAsync({
        kind: 'decide',
        itemId: item.id,
        caseId: item.case.id,
        decision: body,
      });
      onDecided();
    } catch (error) {
      if (isVersionConflict(error)) {
        setFailure(
          `${messageOf(error)} De agenda is opnieuw geladen; controleer het besluit en leg het opnieuw vast.`,
        );
        return;
      }
      const issues = error instanceof ApiError ? error.issues : [];
      const { voteRows } = toDecisionBody(formValues, contextRef.current);
      const { placed, unplaced } = placeDecisionIssues(issues, voteRows);
      for (const { field, message } of placed)
        form.setError(field as never, { type: 'server', message });
      if (!issues.length || unplaced.length)
        setFailure(
          [messageOf(error, 'Het besluit kon niet worden vastgelegd.'), ...unplaced].join(' '),
        );
      if (issues.length) focusSummary();
    }
  };
  const problems = orderProblems(flattenErrors(errors));
  return { form, values, context, problems, failure, submit, confirmation, send, summaryRef };
}

/**
 * After a refused "Vastleggen", the summary of problems takes the focus as soon as it is there
 * (react-hook-form hands over its errors after the refusal callback).
 */
function useSummaryFocus() {
  const summaryRef = useRef<HTMLDivElement>(null);
  const isPending = useRef(false);
  useLayoutEffect(() => {
    if (isPending.current && summaryRef.current) {
      isPending.current = false;
      summaryRef.current.focus();
    }
  });
  return {
    summaryRef,
    focusSummary: () => {
      isPending.current = true;
    },
  };
}
