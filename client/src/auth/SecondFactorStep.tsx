import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { meSchema, recoveryCodeSchema, totpCodeSchema } from '@uitstroom/shared';
import { apiClient, ApiError, request } from '../core/api';
import { TextField } from '../core/form';
import { useWrite } from '../core/query/use-write';
import { useSession } from '../core/session';
import { FailureAlert } from '../core/FailureAlert';

/** Second step of signing in: the 6 digits from the authenticator app, or a recovery code. */
/** Why a code was refused, in Dutch. */
function refusalOf(error: unknown): string {
  if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS')
    return 'Deze code klopt niet. Probeer de nieuwe code uit uw app.';
  return error instanceof ApiError ? error.message : 'Controleren is niet gelukt.';
}

export function SecondFactorStep() {
  const { completeSignIn, signOut } = useSession();
  const [isRecovery, setIsRecovery] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<{ code: string }>({
    defaultValues: { code: '' },
  });
  // The answer is `me`; the session starts from it (the cache is empty until then).
  const verify = useWrite({
    write: (body: { code: string } | { recoveryCode: string }) =>
      request(apiClient.POST('/api/auth/second-factor', { body }), { schema: meSchema }),
  });

  const onSubmit = handleSubmit(async ({ code }) => {
    setFailure(null);
    const parsed = (isRecovery ? recoveryCodeSchema : totpCodeSchema).safeParse(code);
    if (!parsed.success) {
      setError('code', { message: parsed.error.issues[0]?.message });
      return;
    }
    try {
      const me = await verify.mutateAsync(isRecovery ? { recoveryCode: code } : { code });
      completeSignIn(me);
    } catch (error) {
      reset({ code: '' });
      if (error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED') {
        await signOut('signedOut');
        return;
      }
      setFailure(refusalOf(error));
    }
  });

  return (
    <>
      <Heading level={1}>Tweestapsverificatie</Heading>
      <Paragraph>
        {isRecovery
          ? 'Vul een van uw herstelcodes in. Elke code werkt één keer.'
          : 'Open uw authenticator-app en vul de 6 cijfers in die bij Uitstroomtafel staan.'}
      </Paragraph>
      <FailureAlert failure={failure} />
      <form onSubmit={onSubmit} noValidate aria-label="Tweede stap">
        <TextField
          key={isRecovery ? 'recovery' : 'totp'}
          label={isRecovery ? 'Herstelcode' : 'Code uit de app'}
          autoComplete="one-time-code"
          inputMode={isRecovery ? 'text' : 'numeric'}
          autoFocus
          error={formState.errors.code?.message}
          {...register('code')}
        />
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
          Controleren
        </Button>
      </form>
      <Paragraph className="login-card__aside">
        <Button
          appearance="subtle-button"
          onClick={() => {
            setIsRecovery(!isRecovery);
            reset({ code: '' });
            setFailure(null);
          }}
        >
          {isRecovery
            ? 'Toch een code uit de app gebruiken'
            : 'Telefoon niet bij de hand? Gebruik een herstelcode'}
        </Button>
      </Paragraph>
      <Paragraph className="login-card__aside">
        <Button appearance="subtle-button" onClick={() => void signOut('signedOut')}>
          Annuleren en opnieuw inloggen
        </Button>
      </Paragraph>
    </>
  );
}
