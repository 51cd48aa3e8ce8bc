import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Heading, Paragraph, PageContent } from '@utrecht/component-library-react';
import { loginRequestSchema, type LoginRequest } from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { TextField } from '../core/form';
import { useSession } from './session';

export function LoginPage() {
  const { state, signIn } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<LoginRequest>({ resolver: zodResolver(loginRequestSchema), defaultValues: { email: '', password: '' } });
  const reason = state.status === 'signedOut' ? state.reason : undefined;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(values);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'Inloggen is niet gelukt.');
    }
  });

  return (
    <PageContent className="login-page">
      <main id="inhoud" className="login-card">
        <Heading level={1}>Inloggen bij de Uitstroomtafel</Heading>
        <Paragraph>Samen werken aan een eigen woning na beschermd wonen, opvang of jeugdzorg.</Paragraph>
        {reason === 'expired' && <Alert type="warning"><Paragraph>Uw sessie is verlopen. Log opnieuw in.</Paragraph></Alert>}
        {reason === 'signedOut' && <Alert type="ok"><Paragraph>U bent uitgelogd.</Paragraph></Alert>}
        {failure && <Alert type="error" role="alert"><Paragraph>{failure}</Paragraph></Alert>}
        <form onSubmit={onSubmit} noValidate aria-label="Inloggen">
          <TextField label="E-mailadres" type="email" autoComplete="username" error={formState.errors.email?.message} {...register('email')} />
          <TextField label="Wachtwoord" type="password" autoComplete="current-password" error={formState.errors.password?.message} {...register('password')} />
          <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Bezig met inloggen…' : 'Inloggen'}
          </Button>
        </form>
      </main>
    </PageContent>
  );
}
