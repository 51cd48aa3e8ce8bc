import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import {
  providerSettingsSchema,
  providerSettingsViewSchema,
  type ProviderSettings,
  type ProviderSettingsView,
} from '@uitstroom/shared';
import { apiClient, ApiError, request } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { QueryStatus } from '../core/query/QueryState';
import { useWrite } from '../core/query/use-write';
import { TextField } from '../core/form';
import { FailureAlert } from '../core/FailureAlert';
import { messageOf } from '../core/messages';

const fields = ['providerContact.name', 'providerContact.phone', 'providerContact.emergencyPhone'];

/**
 * `/organisatie`: the provider seat keeps its organisation's contact person and 24/7 number
 * (issue 27.2). The corporation sees them at the move of every resident this provider supports.
 */
export function OrganisationSettingsPage() {
  const settings = useQuery({
    queryKey: queryKeys.organisationSettings,
    queryFn: ({ signal }) =>
      request(apiClient.GET('/api/organisation/settings', { signal }), {
        schema: providerSettingsViewSchema,
      }),
  });
  return (
    <>
      <Heading level={1}>Organisatie-instellingen</Heading>
      <Paragraph>
        Wie de woningcorporatie belt over een bewoner die uw organisatie begeleidt: een
        contactpersoon in kantoortijden en een nummer dat dag en nacht opneemt. De corporatie ziet
        dit bij het vastleggen van de verhuizing; bij elke verhuizing wordt het zoals het dan is
        bewaard.
      </Paragraph>
      <QueryStatus
        query={settings}
        loading="Instellingen laden…"
        failure="De instellingen konden niet worden geladen."
      />
      {settings.data && <ContactForm current={settings.data} />}
    </>
  );
}

function ContactForm({ current }: { current: ProviderSettingsView }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ProviderSettings>({
    resolver: zodResolver(providerSettingsSchema),
    defaultValues: {
      providerContact: current.providerContact ?? { name: '', phone: '', emergencyPhone: '' },
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const save = useWrite({
    write: (body: ProviderSettings) =>
      request(apiClient.PUT('/api/organisation/settings', { body }), {
        schema: providerSettingsViewSchema,
      }),
    sets: () => queryKeys.organisationSettings,
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setNotice(null);
    setFailure(null);
    try {
      await save.mutateAsync(values);
      setNotice('De contactgegevens zijn opgeslagen.');
    } catch (error) {
      if (error instanceof ApiError)
        for (const issue of error.issues.filter((i) => fields.includes(i.path)))
          form.setError(issue.path as never, { message: issue.message });
      setFailure(messageOf(error, 'Opslaan is niet gelukt. Probeer het opnieuw.'));
    }
  });
  return (
    <form noValidate onSubmit={submit} aria-labelledby="contact-kop" className="admin-card">
      <Heading level={2} id="contact-kop">
        Contact voor de corporatie ({current.organisationName})
      </Heading>
      {!current.providerContact && (
        <Alert type="warning">
          <Paragraph>
            Nog niet ingesteld: zolang dit ontbreekt, kan een verhuizing van uw cliënten niet worden
            vastgelegd.
          </Paragraph>
        </Alert>
      )}
      <TextField
        id="contact-naam"
        label="Naam contactpersoon"
        autoComplete="off"
        error={errors.providerContact?.name?.message}
        {...form.register('providerContact.name')}
      />
      <TextField
        id="contact-telefoon"
        type="tel"
        label="Telefoon (kantoortijden)"
        error={errors.providerContact?.phone?.message}
        {...form.register('providerContact.phone')}
      />
      <TextField
        id="contact-nood"
        type="tel"
        label="Telefoon 24/7 (dag en nacht)"
        error={errors.providerContact?.emergencyPhone?.message}
        {...form.register('providerContact.emergencyPhone')}
      />
      <FailureAlert failure={failure} />
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Opslaan
      </Button>
    </form>
  );
}
