import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { newPasswordSchema, passwordMinLength, tokenInfoSchema } from '@uitstroom/shared';
import { apiClient, ApiError, request } from '../core/api';
import { TextField } from '../core/form';
import { queryKeys } from '../core/query/query-keys';
import { FailureAlert } from '../core/FailureAlert';
import { QueryStatus } from '../core/query/QueryState';
import { useWrite } from '../core/query/use-write';
import { AuthLayout } from './AuthLayout';
import { useSession } from '../core/session';

const formSchema = z
  .object({ newPassword: newPasswordSchema, repeat: z.string() })
  .refine((v) => v.newPassword === v.repeat, {
    path: ['repeat'],
    message: 'De twee wachtwoorden zijn niet gelijk.',
  });

/** Choosing a password from an invitation or a reset link. */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { signOut } = useSession();
  // What the link is for (an invitation or a reset); the server says so without using it up.
  const tokenQuery = useQuery({
    queryKey: queryKeys.passwordToken(token),
    queryFn: () =>
      request(apiClient.POST('/api/auth/token', { body: { token } }), { schema: tokenInfoSchema }),
  });
  const info = tokenQuery.data ?? null;
  // Setting the password signs out (the session below ends), so nothing read needs invalidating.
  const setPassword = useWrite({
    write: (newPassword: string) =>
      request(apiClient.POST('/api/auth/password', { body: { token, newPassword } })),
  });
  // A link read as good can still be refused at saving (used meanwhile, just expired): the write says so.
  const refusedLink = linkRefusalOf(setPassword.error);
  const { register, handleSubmit, formState, setError } = useForm<z.infer<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    defaultValues: { newPassword: '', repeat: '' },
  });

  const onSubmit = handleSubmit(async ({ newPassword }) => {
    try {
      await setPassword.mutateAsync(newPassword);
      await signOut('passwordSet');
      navigate('/', { replace: true });
    } catch (error) {
      if (linkRefusalOf(error)) return;
      const issue = error instanceof ApiError ? error.issues[0] : undefined;
      setError('newPassword', { message: issue?.message ?? 'Opslaan is niet gelukt.' });
    }
  });

  return (
    <AuthLayout label="Wachtwoord kiezen">
      <Heading level={1}>
        {info?.kind === 'invitation' ? 'Welkom bij de Uitstroomtafel' : 'Nieuw wachtwoord kiezen'}
      </Heading>
      <QueryStatus query={tokenQuery} loading="Laden…" failure="Deze link werkt niet." />
      <FailureAlert failure={refusedLink} />
      {(tokenQuery.isError || refusedLink) && <NewLinkAdvice />}
      {info && (
        <>
          <Paragraph>
            {info.kind === 'invitation'
              ? `Beste ${info.displayName}, kies een wachtwoord voor ${info.email}.`
              : `Kies een nieuw wachtwoord voor ${info.email}.`}
          </Paragraph>
          <form onSubmit={onSubmit} noValidate aria-label="Wachtwoord kiezen">
            <TextField
              label="Nieuw wachtwoord"
              type="password"
              autoComplete="new-password"
              description={`Minstens ${passwordMinLength} tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.`}
              error={formState.errors.newPassword?.message}
              {...register('newPassword')}
            />
            <TextField
              label="Herhaal het wachtwoord"
              type="password"
              autoComplete="new-password"
              error={formState.errors.repeat?.message}
              {...register('repeat')}
            />
            <Button
              type="submit"
              appearance="primary-action-button"
              disabled={formState.isSubmitting}
            >
              Wachtwoord opslaan
            </Button>
          </form>
        </>
      )}
    </AuthLayout>
  );
}

/** The message of a write the server refused for its link (used, expired, unknown), if it did. */
function linkRefusalOf(error: unknown): string | null {
  const issue = error instanceof ApiError ? error.issues[0] : undefined;
  return issue?.path === 'token' ? issue.message : null;
}

/** Where to go when the link does not work. */
function NewLinkAdvice() {
  return (
    <Paragraph>
      <RouterLink to="/wachtwoord-vergeten" className="utrecht-link">
        Vraag een nieuwe link aan
      </RouterLink>
    </Paragraph>
  );
}
