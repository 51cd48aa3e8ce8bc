import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { passwordResetRequestSchema } from '@uitstroom/shared';
import { apiClient, ApiError, request } from '../core/api';
import { TextField } from '../core/form';
import { useWrite } from '../core/query/use-write';
import { AuthLayout } from './AuthLayout';
import { FailureAlert } from '../core/FailureAlert';

export function ForgotPasswordPage() {
  const [answer, setAnswer] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<{ email: string }>({
    resolver: zodResolver(passwordResetRequestSchema),
    defaultValues: { email: '' },
  });
  // Asking for a reset link changes nothing the app has read.
  const ask = useWrite({
    write: (body: { email: string }) =>
      request(apiClient.POST('/api/auth/password-reset', { body })),
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const response = await ask.mutateAsync(values);
      setAnswer(response.message);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'Versturen is niet gelukt.');
    }
  });

  return (
    <AuthLayout label="Wachtwoord vergeten">
      <Heading level={1}>Wachtwoord vergeten</Heading>
      {answer ? (
        <Alert type="ok">
          <Paragraph>{answer}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>
            Vul uw e-mailadres in. U krijgt een link waarmee u een nieuw wachtwoord kiest.
          </Paragraph>
          <FailureAlert failure={failure} />
          <form onSubmit={onSubmit} noValidate aria-label="Wachtwoord vergeten">
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
              disabled={formState.isSubmitting}
            >
              Stuur mij een link
            </Button>
          </form>
        </>
      )}
      <Paragraph className="login-card__aside">
        <RouterLink to="/" className="utrecht-link">
          Terug naar inloggen
        </RouterLink>
      </Paragraph>
    </AuthLayout>
  );
}
