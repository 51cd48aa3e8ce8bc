import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { loginRequestSchema, type LoginRequest } from '@uitstroom/shared';
import { ApiError } from '../core/api';
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

export function LoginPage() {
  const { state } = useSession();
  if (state.status === 'secondFactor') {
    return (
      <AuthLayout label="Inloggen: tweede stap">
        {state.step === 'totp' ? <SecondFactorStep /> : <EnrollTotp context="signIn" />}
      </AuthLayout>
    );
  }
  return <PasswordStep />;
}

function PasswordStep() {
  const { state, signIn } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<LoginRequest>({
    resolver: zodResolver(loginRequestSchema),
    defaultValues: { email: '', password: '' },
  });
  const reason = state.status === 'signedOut' ? state.reason : undefined;
  const notice = reason ? notices[reason] : null;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(values);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'Inloggen is niet gelukt.');
    }
  });

  return (
    <AuthLayout label="Inloggen">
      <Heading level={1}>Inloggen bij de Uitstroomtafel</Heading>
      <Paragraph>
        Samen werken aan een eigen woning na beschermd wonen, opvang of jeugdzorg.
      </Paragraph>
      {notice && (
        <Alert type={notice.type}>
          <Paragraph>{notice.text}</Paragraph>
        </Alert>
      )}
      <FailureAlert failure={failure} />
      <form onSubmit={onSubmit} noValidate aria-label="Inloggen">
        <TextField
          label="E-mailadres"
          type="email"
          autoComplete="username"
          error={formState.errors.email?.message}
          {...register('email')}
        />
        <TextField
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
          error={formState.errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Bezig met inloggen…' : 'Inloggen'}
        </Button>
      </form>
      <Paragraph className="login-card__aside">
        <RouterLink to="/wachtwoord-vergeten" className="utrecht-link">
          Wachtwoord vergeten?
        </RouterLink>
      </Paragraph>
    </AuthLayout>
  );
}
