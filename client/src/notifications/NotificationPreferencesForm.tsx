import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import {
  notificationDeliveries,
  notificationDeliveryLabel,
  notificationKindDescription,
  notificationKindLabel,
  notificationKinds,
  notificationPreferencesSchema,
  type NotificationPreferences,
} from '@uitstroom/shared';
import { failureOf, QueryState } from '../core/query/QueryState';
import { ChoiceGroup } from '../core/fields';
import { usePreferences, useSavePreferences } from './notifications-api';
import './notifications.css';
import { FailureAlert } from '../core/FailureAlert';

const options = notificationDeliveries.map((delivery) => ({
  value: delivery,
  label: notificationDeliveryLabel[delivery],
}));

/** "Meldingen per e-mail" on the account page: per kind at once, in the daily digest, or not by e-mail. */
export function NotificationPreferencesForm() {
  const preferences = usePreferences();
  return (
    <section aria-labelledby="meldingen-titel" className="notification-preferences">
      <Heading level={2} id="meldingen-titel" tabIndex={-1}>
        Meldingen per e-mail
      </Heading>
      <Paragraph>
        In de app ziet u elke melding. Kies per soort of u daarnaast direct een e-mail krijgt, één
        overzicht per dag (om 7:00 uur), of geen e-mail. Een e-mail noemt nooit een bewoner: alleen
        de soort melding en een link naar de app.
      </Paragraph>
      <QueryState
        query={preferences}
        loading="Laden…"
        failure="Uw keuzes konden niet worden geladen."
      >
        {(loaded) => <PreferencesForm loaded={loaded} />}
      </QueryState>
    </section>
  );
}

/** The choices as loaded; saving puts the stored choices back in the form. */
function PreferencesForm({ loaded }: { loaded: NotificationPreferences }) {
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  const save = useSavePreferences();
  const { register, handleSubmit, formState, reset } = useForm<NotificationPreferences>({
    resolver: zodResolver(notificationPreferencesSchema),
    defaultValues: loaded,
  });
  const onSubmit = handleSubmit(async (values) => {
    setIsSaved(false);
    setFailure(null);
    try {
      reset(await save.mutateAsync(values));
      setIsSaved(true);
    } catch (error) {
      setFailure(failureOf(error, 'Opslaan is niet gelukt.'));
    }
  });
  return (
    <>
      <FailureAlert failure={failure} />
      {isSaved && (
        <Alert type="ok" role="status">
          <Paragraph>Uw keuzes zijn opgeslagen.</Paragraph>
        </Alert>
      )}
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label="Meldingen per e-mail"
        className="notification-preferences__form"
      >
        {notificationKinds.map((kind) => (
          <ChoiceGroup
            key={kind}
            id={`melding-${kind}`}
            type="radio"
            className="case-choices--inline"
            legend={notificationKindLabel[kind]}
            description={notificationKindDescription[kind]}
            error={formState.errors[kind]?.message}
            options={options}
            registration={register(kind, { onChange: () => setIsSaved(false) })}
          />
        ))}
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
          Keuzes opslaan
        </Button>
      </form>
    </>
  );
}
