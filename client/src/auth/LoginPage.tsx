import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import {
  loginRequestSchema,
  providerSignInFailureMessage,
  providerSignInFailureSchema,
  signInMethodRequestSchema,
  signInMethodSchema,
  type LoginRequest,
} from '@uitstroom/shared';
import { apiClient, ApiError, request } from '../core/api';
import { TextField } from '../core/form';
import { AuthLayout } from './AuthLayout';
import { useSession } from '../core/session';
import { SecondFactorStep } from './SecondFactorStep';
import { EnrollTotp } from './EnrollTotp';
import { FailureAlert } from '../core/FailureAlert';

const notices = {
  expired: { type: 'warning', text: 'Uw sessie is verlopen. Log opnieuw in.' },
  signedOut: { type: 'ok', text: 'U bent uitgelogd.' },
  passwordSet: { type: 'ok', text: 'Uw wachtwoord is ingesteld. Log in met uw nieuwe wachtwoord.' },
} as const;

/** After the e-mail step: the password (perhaps because the organisation's provider is away). */
interface PasswordChoice {
  email: string;
  /** The provider could not be reached: why the password is asked after all. */
  unavailableNotice?: string;
}

export function LoginPage() {
  const { state } = useSession();
  const [choice, setChoice] = useState<PasswordChoice | null>(null);
  if (state.status === 'secondFactor') {
    return (
      <AuthLayout label="Inloggen: tweede stap">
        {state.step === 'totp' ? <SecondFactorStep /> : <EnrollTotp context="signIn" />}
      </AuthLayout>
    );
  }
  return (
    <AuthLayout label="Inloggen">
      <Heading level={1}>Inloggen bij de Uitstroomtafel</Heading>
      <Paragraph>
        Samen werken aan een eigen woning na beschermd wonen, opvang of jeugdzorg.
      </Paragraph>
      <SignInNotices />
      {choice ? (
        <PasswordStep choice={choice} onOtherEmail={() => setChoice(null)} />
      ) : (
        <EmailStep onPassword={setChoice} />
      )}
      <Paragraph className="login-card__aside">
        <RouterLink to="/wachtwoord-vergeten" className="utrecht-link">
          Wachtwoord vergeten?
        </RouterLink>
      </Paragraph>
    </AuthLayout>
  );
}

/** Signed out, an expired session, or back from the organisation's provider without a session. */
function SignInNotices() {
  const { state } = useSession();
  const [searchParams] = useSearchParams();
  const reason = state.status === 'signedOut' ? state.reason : undefined;
  const notice = reason ? notices[reason] : null;
  const failure = providerSignInFailureSchema.safeParse(searchParams.get('inlogdienst'));
  return (
    <>
      {notice && (
        <Alert type={notice.type}>
          <Paragraph>{notice.text}</Paragraph>
        </Alert>
      )}
      <FailureAlert failure={failure.success ? providerSignInFailureMessage[failure.data] : null} />
    </>
  );
}

/**
 * The e-mail address first. Its domain decides the way in: the organisation's own identity
 * provider (the browser goes there) or the password. The answer is the same whether an account
 * exists or not.
 */
function EmailStep({ onPassword }: { onPassword: (choice: PasswordChoice) => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const [isLeaving, setIsLeaving] = useState(false);
  const { register, handleSubmit, formState } = useForm<{ email: string }>({
    resolver: zodResolver(signInMethodRequestSchema),
    defaultValues: { email: '' },
  });
  const { mutateAsync: chooseMethod } = useMutation({
    mutationFn: (email: string) =>
      request(apiClient.POST('/api/auth/sign-in-method', { body: { email } }), {
        schema: signInMethodSchema,
      }),
  });
  const onSubmit = handleSubmit(async ({ email }) => {
    setFailure(null);
    try {
      const method = await chooseMethod(email);
      if (method.method === 'provider') {
        setIsLeaving(true);
        window.location.assign(method.authorizationUrl);
      } else if (method.method === 'password') onPassword({ email });
      else if (method.isPasswordAllowed) onPassword({ email, unavailableNotice: method.message });
      else setFailure(method.message);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'Inloggen is niet gelukt.');
    }
  });
  return (
    <>
      <FailureAlert failure={failure} />
      {isLeaving && (
        <Alert role="status">
          <Paragraph>U gaat naar de inlogdienst van uw organisatie…</Paragraph>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate aria-label="Inloggen">
        <TextField
          label="E-mailadres"
          type="email"
          autoComplete="username"
          error={formState.errors.email?.message}
          {...register('email')}
        />
        <Button
          type="submit"
          appearance="primary-action-button"
          disabled={formState.isSubmitting || isLeaving}
        >
          {formState.isSubmitting ? 'Bezig…' : 'Volgende'}
        </Button>
      </form>
    </>
  );
}

function PasswordStep({ choice, onOtherEmail }: { choice: PasswordChoice; onOtherEmail(): void }) {
  const { signIn } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<LoginRequest>({
    resolver: zodResolver(loginRequestSchema),
    defaultValues: { email: choice.email, password: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(values);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'Inloggen is niet gelukt.');
    }
  });
  return (
    <>
      {choice.unavailableNotice && (
        <Alert type="warning">
          <Paragraph>{choice.unavailableNotice}</Paragraph>
        </Alert>
      )}
      <FailureAlert failure={failure} />
      <form onSubmit={onSubmit} noValidate aria-label="Inloggen">
        <Paragraph>
          Inloggen als <strong>{choice.email}</strong>{' '}
          <Button appearance="subtle-button" type="button" onClick={onOtherEmail}>
            Ander e-mailadres
          </Button>
        </Paragraph>
        {/* For password managers: the account this password belongs to. */}
        <input type="hidden" autoComplete="username" {...register('email')} />
        <TextField
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
          autoFocus
          error={formState.errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Bezig met inloggen…' : 'Inloggen'}
        </Button>
      </form>
    </>
  );
}
