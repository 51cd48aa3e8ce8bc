import { useState } from 'react';
import { useForm, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Button, Heading, Paragraph, SelectOption } from '@utrecht/component-library-react';
import {
  saveIdentityProviderSchema,
  type OrganisationSummary,
  type SaveIdentityProvider,
} from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { SelectField, TextField } from '../core/form';
import { CheckboxField } from '../core/fields';
import { FailureAlert } from '../core/FailureAlert';
import { useRemoveIdentityProvider, useSaveIdentityProvider } from './users-api';

/** The form's own shape: the domains as one line of text, split on commas or spaces. */
interface ProviderFormValues {
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomains: string;
  isPasswordSignInAllowed: boolean;
}

function valuesOf(organisation: OrganisationSummary | undefined): ProviderFormValues {
  const provider = organisation?.identityProvider;
  return {
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    emailDomains: provider?.emailDomains.join(', ') ?? '',
    isPasswordSignInAllowed: provider?.isPasswordSignInAllowed ?? false,
  };
}

/**
 * The regio-beheerder connects an organisation's own identity provider (OpenID Connect; see
 * docs/sign-in.md): its staff then sign in with their own accounts and second factor.
 */
export function IdentityProviderSection({
  organisations,
  onDone,
}: {
  organisations: OrganisationSummary[];
  onDone: (notice: string) => void;
}) {
  const [organisationId, setOrganisationId] = useState('');
  const organisation = organisations.find((o) => o.id === organisationId);
  return (
    <section aria-labelledby="inlogdienst-titel" className="admin-card">
      <Heading level={2} id="inlogdienst-titel">
        Inloggen via de eigen organisatie
      </Heading>
      <Paragraph>
        Medewerkers met een e-mailadres in een van de domeinen loggen in bij hun eigen organisatie
        (OpenID Connect), met hun eigen tweede factor. Alleen wie u heeft uitgenodigd komt binnen.
      </Paragraph>
      <SelectField
        label="Organisatie"
        value={organisationId}
        onChange={(event) => setOrganisationId(event.target.value)}
      >
        <SelectOption value="">Kies een organisatie</SelectOption>
        {organisations.map((o) => (
          <SelectOption key={o.id} value={o.id}>
            {o.name}
            {o.identityProvider ? ' (eigen inlogdienst)' : ''}
          </SelectOption>
        ))}
      </SelectField>
      {organisation && (
        <ProviderForm key={organisation.id} organisation={organisation} onDone={onDone} />
      )}
    </section>
  );
}

function ProviderForm({
  organisation,
  onDone,
}: {
  organisation: OrganisationSummary;
  onDone: (notice: string) => void;
}) {
  const save = useSaveIdentityProvider();
  const remove = useRemoveIdentityProvider();
  const [failure, setFailure] = useState<string | null>(null);
  const existing = organisation.identityProvider;
  const { register, handleSubmit, formState, setError } = useForm<ProviderFormValues>({
    defaultValues: valuesOf(organisation),
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const body: SaveIdentityProvider = {
      issuer: values.issuer,
      clientId: values.clientId,
      ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
      emailDomains: values.emailDomains.split(/[\s,;]+/).filter(Boolean),
      isPasswordSignInAllowed: values.isPasswordSignInAllowed,
      version: existing?.version ?? null,
    };
    const parsed = saveIdentityProviderSchema.safeParse(body);
    const issues = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message }));
    try {
      if (!issues.length) {
        await save.mutateAsync({ organisationId: organisation.id, body });
        return onDone(`${organisation.name}: de inlogdienst is opgeslagen.`);
      }
    } catch (error) {
      if (!(error instanceof ApiError)) return setFailure('Opslaan is niet gelukt.');
      issues.push(...error.issues);
      if (!error.issues.length) setFailure(error.message);
    }
    for (const issue of issues)
      setError(issue.path as keyof ProviderFormValues, { message: issue.message });
  });
  const onRemove = async () => {
    setFailure(null);
    try {
      await remove.mutateAsync(organisation.id);
      onDone(`${organisation.name}: iedereen logt weer in met een wachtwoord.`);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'Verwijderen is niet gelukt.');
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Inlogdienst" className="stacked-form">
      <FailureAlert failure={failure} />
      <ProviderFields register={register} errors={formState.errors} hasStoredSecret={!!existing} />
      <div className="row-actions">
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
          Inlogdienst opslaan
        </Button>
        {existing && (
          <Button appearance="secondary-action-button" type="button" onClick={onRemove}>
            Inlogdienst verwijderen
          </Button>
        )}
      </div>
    </form>
  );
}

function ProviderFields({
  register,
  errors,
  hasStoredSecret,
}: {
  register: UseFormRegister<ProviderFormValues>;
  errors: FieldErrors<ProviderFormValues>;
  hasStoredSecret: boolean;
}) {
  return (
    <>
      <TextField
        label="Issuer-URL"
        description="Bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0"
        error={errors.issuer?.message}
        {...register('issuer')}
      />
      <TextField label="Client-ID" error={errors.clientId?.message} {...register('clientId')} />
      <TextField
        label="Client secret"
        type="password"
        autoComplete="off"
        description={hasStoredSecret ? 'Leeg laten om het bewaarde secret te houden.' : undefined}
        error={errors.clientSecret?.message}
        {...register('clientSecret')}
      />
      <TextField
        label="E-maildomeinen"
        description="Gescheiden door komma's, bijvoorbeeld kwintes.nl, zorg.kwintes.nl"
        error={errors.emailDomains?.message}
        {...register('emailDomains')}
      />
      <CheckboxField
        label="Inloggen met een wachtwoord blijft toegestaan"
        {...register('isPasswordSignInAllowed')}
      />
    </>
  );
}
