import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../core/query/query-keys';
import { QueryState } from '../core/query/QueryState';
import { useWrite } from '../core/query/use-write';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import {
  accountSchema,
  changePasswordSchema,
  newPasswordSchema,
  passwordMinLength,
  seatLabel,
  type Account,
} from '@uitstroom/shared';
import { apiClient, ApiError, request } from '../core/api';
import { TextField } from '../core/form';
import { EnrollTotp } from '../auth';
import { NotificationPreferencesForm } from '../notifications';

const passwordFormSchema = changePasswordSchema
  .extend({ newPassword: newPasswordSchema, repeat: z.string() })
  .refine((v) => v.newPassword === v.repeat, {
    path: ['repeat'],
    message: 'De twee wachtwoorden zijn niet gelijk.',
  });
type PasswordForm = z.infer<typeof passwordFormSchema>;

export function AccountPage() {
  const accountQuery = useQuery({
    queryKey: queryKeys.account,
    queryFn: ({ signal }) =>
      request(apiClient.GET('/api/account', { signal }), { schema: accountSchema }),
  });
  const [isEnrolling, setIsEnrolling] = useState(false);

  return (
    <>
      <Heading level={1}>Mijn account</Heading>
      <QueryState query={accountQuery} loading="Laden…" failure="Laden is niet gelukt.">
        {(account: Account) => (
          <div className="account-page">
            <section aria-labelledby="gegevens-titel">
              <Heading level={2} id="gegevens-titel">
                Gegevens
              </Heading>
              <dl className="facts">
                <dt>Naam</dt>
                <dd>{account.me.user.displayName}</dd>
                <dt>E-mailadres</dt>
                <dd>{account.me.user.email}</dd>
                <dt>Rol</dt>
                <dd>{seatLabel[account.me.seat]}</dd>
                <dt>Organisatie</dt>
                <dd>{account.me.organisation.name}</dd>
                <dt>Regio</dt>
                <dd>{account.me.region.name}</dd>
              </dl>
            </section>
            <section aria-labelledby="tweestaps-titel">
              <Heading level={2} id="tweestaps-titel">
                Tweestapsverificatie
              </Heading>
              {account.twoFactor.isEnabled ? (
                <>
                  <Paragraph>
                    Staat aan. U heeft nog {account.twoFactor.recoveryCodesLeft} ongebruikte
                    herstelcodes.
                  </Paragraph>
                  <Paragraph>
                    Telefoon kwijt of nieuwe telefoon? Vraag de regio-beheerder de
                    tweestapsverificatie te herstellen; daarna stelt u die opnieuw in.
                  </Paragraph>
                </>
              ) : isEnrolling ? (
                <EnrollTotp
                  context="account"
                  onDone={() => {
                    setIsEnrolling(false);
                    void accountQuery.refetch();
                  }}
                />
              ) : (
                <>
                  <Paragraph>
                    Staat uit.{' '}
                    {account.twoFactor.isRequired
                      ? 'Uw regio vraagt erom: bij de volgende keer inloggen stelt u die in.'
                      : 'Met een tweede stap bij het inloggen is uw account beter beschermd.'}
                  </Paragraph>
                  <Button appearance="secondary-action-button" onClick={() => setIsEnrolling(true)}>
                    Tweestapsverificatie instellen
                  </Button>
                </>
              )}
            </section>
            <ChangePassword />
            <NotificationPreferencesForm />
          </div>
        )}
      </QueryState>
    </>
  );
}

function ChangePassword() {
  const [isDone, setIsDone] = useState(false);
  const { register, handleSubmit, formState, setError, reset } = useForm<PasswordForm>({
    resolver: zodResolver(passwordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  });
  // Changing the password changes nothing the app has read.
  const change = useWrite({
    write: (body: { currentPassword: string; newPassword: string }) =>
      request(apiClient.POST('/api/account/password', { body })),
  });
  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setIsDone(false);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      reset();
      setIsDone(true);
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      for (const issue of issues)
        setError(issue.path === 'currentPassword' ? 'currentPassword' : 'newPassword', {
          message: issue.message,
        });
      if (!issues.length)
        setError('newPassword', {
          message: error instanceof ApiError ? error.message : 'Opslaan is niet gelukt.',
        });
    }
  });
  return (
    <section aria-labelledby="wachtwoord-titel">
      <Heading level={2} id="wachtwoord-titel">
        Wachtwoord wijzigen
      </Heading>
      {isDone && (
        <Alert type="ok" role="status">
          <Paragraph>
            Uw wachtwoord is gewijzigd. Sessies op andere apparaten zijn beëindigd.
          </Paragraph>
        </Alert>
      )}
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label="Wachtwoord wijzigen"
        className="stacked-form"
      >
        <TextField
          label="Huidig wachtwoord"
          type="password"
          autoComplete="current-password"
          error={formState.errors.currentPassword?.message}
          {...register('currentPassword')}
        />
        <TextField
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          description={`Minstens ${passwordMinLength} tekens; een zin van een paar woorden werkt goed.`}
          error={formState.errors.newPassword?.message}
          {...register('newPassword')}
        />
        <TextField
          label="Herhaal het nieuwe wachtwoord"
          type="password"
          autoComplete="new-password"
          error={formState.errors.repeat?.message}
          {...register('repeat')}
        />
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
          Wachtwoord wijzigen
        </Button>
      </form>
    </section>
  );
}
