import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import {
  confirmTotpSchema,
  recoveryCodesSchema,
  totpEnrollmentSchema,
  type RecoveryCodes,
  type TotpEnrollment,
} from '@uitstroom/shared';
import { apiClient, ApiError, request } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { QueryState } from '../core/query/QueryState';
import { useWrite } from '../core/query/use-write';
import { TextField } from '../core/form';
import { useSession } from '../core/session';
import { FailureAlert } from '../core/FailureAlert';

/** The enrollment (a new secret and QR code) and its confirmation with a first code. */
function useTotpEnrollment() {
  // A new secret per visit: the enrollment is forgotten as soon as this form is gone.
  const enrollment = useQuery({
    queryKey: queryKeys.totpEnrollment,
    queryFn: () =>
      request(apiClient.POST('/api/auth/totp/enrollment', { body: {} }), {
        schema: totpEnrollmentSchema,
      }),
    staleTime: Infinity,
    gcTime: 0,
  });
  const confirm = useWrite({
    write: (code: string) =>
      request(apiClient.POST('/api/auth/totp/enrollment/confirm', { body: { code } }), {
        schema: recoveryCodesSchema,
      }),
    // Whether two-step verification is on changes on the account page; it reads the account again
    // once the user has kept the codes (onDone), not now, which would take the codes off screen.
  });
  return { enrollment, confirm };
}

/**
 * Setting up TOTP: scan the QR code (or type the key), confirm with a code, write down the
 * recovery codes. During sign-in (when the region requires it) or from "Mijn account".
 */
export function EnrollTotp({
  context,
  onDone,
}: {
  context: 'signIn' | 'account';
  onDone?: () => void;
}) {
  const { completeSignIn, signOut } = useSession();
  const { enrollment, confirm } = useTotpEnrollment();
  const [result, setResult] = useState<RecoveryCodes | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<{ code: string }>({
    resolver: zodResolver(confirmTotpSchema),
    defaultValues: { code: '' },
  });

  const onSubmit = handleSubmit(async ({ code }) => {
    setFailure(null);
    try {
      setResult(await confirm.mutateAsync(code));
    } catch (error) {
      const issue =
        error instanceof ApiError ? error.issues.find((i) => i.path === 'code') : undefined;
      if (issue) setError('code', { message: issue.message });
      else setFailure(error instanceof ApiError ? error.message : 'Bevestigen is niet gelukt.');
    }
  });

  if (result)
    return (
      <RecoveryCodesView
        result={result}
        level={context === 'signIn' ? 1 : 2}
        onKept={() => (context === 'signIn' ? completeSignIn(result.me) : onDone?.())}
      />
    );

  return (
    <section aria-labelledby="totp-instellen-titel" className="enroll-totp">
      <Heading level={context === 'signIn' ? 1 : 2} id="totp-instellen-titel">
        Tweestapsverificatie instellen
      </Heading>
      {context === 'signIn' && (
        <Paragraph>
          Uw regio vraagt bij het inloggen om een tweede stap. Stel die nu één keer in.
        </Paragraph>
      )}
      <FailureAlert failure={failure} />
      <QueryState query={enrollment} loading="Laden…" failure="Het instellen kon niet starten.">
        {(enrollment) => (
          <>
            <EnrollmentSteps enrollment={enrollment} />
            <form onSubmit={onSubmit} noValidate aria-label="Tweestapsverificatie bevestigen">
              <TextField
                label="Code uit de app"
                autoComplete="one-time-code"
                inputMode="numeric"
                error={formState.errors.code?.message}
                {...register('code')}
              />
              <Button
                type="submit"
                appearance="primary-action-button"
                disabled={formState.isSubmitting}
              >
                Bevestigen
              </Button>
            </form>
          </>
        )}
      </QueryState>
      {context === 'signIn' && (
        <Paragraph className="login-card__aside">
          <Button appearance="subtle-button" onClick={() => void signOut('signedOut')}>
            Annuleren
          </Button>
        </Paragraph>
      )}
    </section>
  );
}

/** Two-step verification is on: the recovery codes, shown once, to be kept. */
function RecoveryCodesView({
  result,
  level,
  onKept,
}: {
  result: RecoveryCodes;
  level: 1 | 2;
  onKept(): void;
}) {
  return (
    <section aria-labelledby="herstelcodes-titel" className="enroll-totp">
      <Heading level={level} id="herstelcodes-titel">
        Bewaar uw herstelcodes
      </Heading>
      <Alert type="ok">
        <Paragraph>Tweestapsverificatie staat aan.</Paragraph>
      </Alert>
      <Paragraph>
        Raakt u uw telefoon kwijt, dan logt u in met een van deze codes. Elke code werkt één keer.
        Bewaar ze op een veilige plek, bijvoorbeeld in een wachtwoordkluis. U ziet ze maar één keer.
      </Paragraph>
      <ul className="recovery-codes" aria-label="Herstelcodes">
        {result.recoveryCodes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Button appearance="primary-action-button" onClick={onKept}>
        Ik heb de codes bewaard
      </Button>
    </section>
  );
}

/** How to add the key to an authenticator app: the steps, the QR code and the key typed out. */
function EnrollmentSteps({ enrollment }: { enrollment: TotpEnrollment }) {
  return (
    <>
      <OrderedList>
        <OrderedListItem>
          Installeer een authenticator-app op uw telefoon, bijvoorbeeld Microsoft Authenticator of
          Google Authenticator.
        </OrderedListItem>
        <OrderedListItem>
          Scan in de app deze QR-code. Lukt scannen niet, typ dan de sleutel eronder over.
        </OrderedListItem>
        <OrderedListItem>Vul de 6 cijfers in die de app daarna toont.</OrderedListItem>
      </OrderedList>
      <div
        className="enroll-totp__qr"
        role="img"
        aria-label="QR-code voor uw authenticator-app"
        dangerouslySetInnerHTML={{ __html: enrollment.qrSvg }}
      />
      <Paragraph>
        Sleutel:{' '}
        <code className="enroll-totp__secret" data-testid="totp-secret">
          {enrollment.secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </Paragraph>
    </>
  );
}
