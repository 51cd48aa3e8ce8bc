import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  createOrganisationSchema,
  createUserSchema,
  organisationKindLabel,
  organisationKinds,
  seatLabel,
  seatsByOrganisationKind,
  type CreateOrganisation,
  type CreateUser,
  type OrganisationSummary,
  type UserSummary,
} from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { QueryState } from '../core/query/QueryState';
import {
  useAdminOrganisations,
  useAdminUsers,
  useCreateOrganisation,
  useCreateUser,
  useUserAction,
} from './users-api';
import { userActionsOf, type UserActionButton } from './user-actions';
import { SelectField, TextField } from '../core/form';
import { useMe } from '../core/session';
import { formatDutchTimestamp } from '../core/format';
import { FailureAlert } from '../core/FailureAlert';
import { IdentityProviderSection } from './IdentityProviderForm';

const statusLabel: Record<UserSummary['status'], string> = {
  invited: 'Uitgenodigd',
  active: 'Actief',
  deactivated: 'Gedeactiveerd',
};

/** The regio-beheerder's page: organisations and the people who may sign in. */
export function UsersPage() {
  const me = useMe();
  const organisationsQuery = useAdminOrganisations();
  const usersQuery = useAdminUsers();
  const userAction = useUserAction();
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const act = async (user: UserSummary, { action, done }: UserActionButton) => {
    setNotice(null);
    setFailure(null);
    try {
      await userAction.mutateAsync({ userId: user.id, action });
      setNotice(`${user.displayName}: ${done}`);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'Dat is niet gelukt.');
    }
  };

  return (
    <>
      <Heading level={1}>Organisaties en gebruikers</Heading>
      <Paragraph>
        Regio {me.region.name}. Nieuwe gebruikers krijgen een uitnodiging per e-mail en kiezen zelf
        hun wachtwoord.
      </Paragraph>
      <FailureAlert failure={failure} />
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <QueryState query={usersQuery} loading="Laden…" failure="Laden is niet gelukt.">
        {(users) => (
          <QueryState query={organisationsQuery} loading="Laden…" failure="Laden is niet gelukt.">
            {(organisations) => (
              <>
                <div className="admin-forms">
                  <NewUserForm
                    organisations={organisations}
                    onCreated={(user) =>
                      setNotice(`${user.displayName} is uitgenodigd op ${user.email}.`)
                    }
                  />
                  <NewOrganisationForm
                    onCreated={(org) => setNotice(`${org.name} is toegevoegd.`)}
                  />
                  <IdentityProviderSection organisations={organisations} onDone={setNotice} />
                </div>
                <UsersSection
                  users={users}
                  organisations={organisations}
                  selfId={me.user.id}
                  onAct={act}
                />
              </>
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

/** The users of the region, of one organisation or all, each with what can be done for them. */
function UsersSection({
  users,
  organisations,
  selfId,
  onAct,
}: {
  users: readonly UserSummary[];
  organisations: readonly OrganisationSummary[];
  selfId: string;
  onAct(user: UserSummary, button: UserActionButton): void;
}) {
  const [filter, setFilter] = useState('');
  const visible = useMemo(
    () => users.filter((u) => !filter || u.organisation.id === filter),
    [users, filter],
  );
  const providerOrganisations = new Set(
    organisations.filter((o) => o.identityProvider).map((o) => o.id),
  );
  return (
    <section aria-labelledby="gebruikers-titel">
      <Heading level={2} id="gebruikers-titel">
        Gebruikers ({visible.length})
      </Heading>
      <FormField type="select" className="inline-field">
        <FormLabel htmlFor="filter-organisatie">Toon organisatie</FormLabel>
        <Select id="filter-organisatie" value={filter} onChange={(e) => setFilter(e.target.value)}>
          <SelectOption value="">Alle organisaties</SelectOption>
          {organisations.map((o) => (
            <SelectOption key={o.id} value={o.id}>
              {o.name}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <Table className="admin-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col">Rol en organisatie</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">Acties</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {visible.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              buttons={userActionsOf(user, {
                isSelf: user.id === selfId,
                hasIdentityProvider: providerOrganisations.has(user.organisation.id),
              })}
              onAct={(button) => onAct(user, button)}
            />
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function UserRow({
  user,
  buttons,
  onAct,
}: {
  user: UserSummary;
  buttons: readonly UserActionButton[];
  onAct(button: UserActionButton): void;
}) {
  return (
    <TableRow>
      <TableCell>
        <strong>{user.displayName}</strong>
        <br />
        {user.email}
      </TableCell>
      <TableCell>
        {seatLabel[user.seat]}
        <br />
        {user.organisation.name}
      </TableCell>
      <TableCell>
        {statusLabel[user.status]}
        {user.hasTwoFactor ? ' · tweestaps aan' : ''}
        {user.isLinkedToProvider ? ' · via eigen organisatie' : ''}
        {user.lockedUntil && (
          <>
            <br />
            <strong className="admin-table__locked">
              Geblokkeerd tot {formatDutchTimestamp(user.lockedUntil)}
            </strong>{' '}
            (te veel mislukte pogingen)
          </>
        )}
      </TableCell>
      <TableCell>
        <div className="row-actions">
          {buttons.map((button) => (
            <Button
              key={button.action}
              appearance={button.isPrimary ? 'primary-action-button' : 'secondary-action-button'}
              onClick={() => onAct(button)}
            >
              {button.label}
            </Button>
          ))}
        </div>
      </TableCell>
    </TableRow>
  );
}

function NewUserForm({
  organisations,
  onCreated,
}: {
  organisations: readonly OrganisationSummary[];
  onCreated: (user: UserSummary) => void;
}) {
  const create = useCreateUser();
  const { register, handleSubmit, formState, setError, reset, control } = useForm<CreateUser>({
    resolver: zodResolver(createUserSchema) as never,
    defaultValues: { organisationId: '', email: '', displayName: '', seat: 'casemanager' },
  });
  const organisationId = useWatch({ control, name: 'organisationId' });
  const organisation = organisations.find((o) => o.id === organisationId);
  const seatsHere = organisation ? seatsByOrganisationKind[organisation.kind] : [];
  const onSubmit = handleSubmit(async (values) => {
    try {
      const user = await create.mutateAsync(values);
      reset();
      onCreated(user);
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      for (const issue of issues)
        setError(issue.path as keyof CreateUser, { message: issue.message });
      if (!issues.length)
        setError('email', {
          message: error instanceof ApiError ? error.message : 'Opslaan is niet gelukt.',
        });
    }
  });
  return (
    <section aria-labelledby="nieuwe-gebruiker-titel" className="admin-card">
      <Heading level={2} id="nieuwe-gebruiker-titel">
        Gebruiker uitnodigen
      </Heading>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label="Gebruiker uitnodigen"
        className="stacked-form"
      >
        <SelectField
          label="Organisatie"
          error={formState.errors.organisationId?.message}
          {...register('organisationId')}
        >
          <SelectOption value="">Kies een organisatie</SelectOption>
          {organisations.map((o) => (
            <SelectOption key={o.id} value={o.id}>
              {o.name}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label="Rol" error={formState.errors.seat?.message} {...register('seat')}>
          {(seatsHere.length ? seatsHere : Object.keys(seatLabel)).map((seat) => (
            <SelectOption key={seat} value={seat}>
              {seatLabel[seat as keyof typeof seatLabel]}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          label="Naam"
          autoComplete="off"
          error={formState.errors.displayName?.message}
          {...register('displayName')}
        />
        <TextField
          label="E-mailadres"
          type="email"
          autoComplete="off"
          error={formState.errors.email?.message}
          {...register('email')}
        />
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
          Uitnodiging versturen
        </Button>
      </form>
    </section>
  );
}

function NewOrganisationForm({ onCreated }: { onCreated: (org: OrganisationSummary) => void }) {
  const create = useCreateOrganisation();
  const { register, handleSubmit, formState, setError, reset, control } =
    useForm<CreateOrganisation>({
      resolver: zodResolver(createOrganisationSchema) as never,
      defaultValues: { kind: 'provider', name: '' },
    });
  const kind = useWatch({ control, name: 'kind' });
  const onSubmit = handleSubmit(async (values) => {
    try {
      const org = await create.mutateAsync(values);
      reset();
      onCreated(org);
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      for (const issue of issues)
        setError(issue.path as keyof CreateOrganisation, { message: issue.message });
      if (!issues.length)
        setError('name', {
          message: error instanceof ApiError ? error.message : 'Opslaan is niet gelukt.',
        });
    }
  });
  return (
    <section aria-labelledby="nieuwe-organisatie-titel" className="admin-card">
      <Heading level={2} id="nieuwe-organisatie-titel">
        Organisatie toevoegen
      </Heading>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label="Organisatie toevoegen"
        className="stacked-form"
      >
        <SelectField label="Soort" error={formState.errors.kind?.message} {...register('kind')}>
          {organisationKinds.map((k) => (
            <SelectOption key={k} value={k}>
              {organisationKindLabel[k]}
            </SelectOption>
          ))}
        </SelectField>
        <TextField label="Naam" error={formState.errors.name?.message} {...register('name')} />
        {kind === 'municipality' && (
          <TextField
            label="CBS-code van de gemeente"
            description="Bijvoorbeeld GM0034 voor Almere."
            error={formState.errors.municipalityCode?.message}
            {...register('municipalityCode', { setValueAs: (v: string) => v || undefined })}
          />
        )}
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
          Toevoegen
        </Button>
      </form>
    </section>
  );
}
