import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  addDays,
  dutchToday,
  formatDutchDate,
  issueTokenSchema,
  latestTokenExpiry,
  partnerEventKindLabel,
  permissionLabel,
  seatLabel,
  seatsByOrganisationKind,
  tokenGrantsOf,
  tokenStatusLabel,
  type ApiToken,
  type IssueToken,
  type IssuedToken,
  type OrganisationSummary,
  type Seat,
} from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { QueryState } from '../core/query/QueryState';
import { SelectField, TextField } from '../core/form';
import { ChoiceGroup } from '../core/fields';
import { FailureAlert } from '../core/FailureAlert';
import { useAdminOrganisations } from '../users';
import { useApiTokens, useIssueToken, useRevokeToken, useTokenSubscriptions } from './partners-api';
import './partners.css';

/**
 * `/beheer/koppelingen` (regionAdmin): API tokens for the organisations' own systems, each for
 * one seat of one organisation, and the subscriptions of each token to signed events.
 */
export function ApiTokensPage() {
  const tokensQuery = useApiTokens();
  const organisationsQuery = useAdminOrganisations();
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [shownToken, setShownToken] = useState<string | null>(null);
  return (
    <div className="partners-page">
      <Heading level={1}>Koppelingen met eigen systemen</Heading>
      <Paragraph>
        Met een API-token leest het systeem van een organisatie (een zaaksysteem, een
        toewijzingssysteem) wat één zetel van die organisatie mag lezen, en alleen met de rechten
        die u het token geeft. Het systeem kan zich met het token abonneren op ondertekende
        gebeurtenissen. Een token geldt hoogstens een jaar; intrekken werkt bij de volgende
        aanvraag.
      </Paragraph>
      {issued && <IssuedNotice issued={issued} onClose={() => setIssued(null)} />}
      <QueryState
        query={tokensQuery}
        loading="API-tokens laden…"
        failure="De API-tokens konden niet worden geladen."
      >
        {(tokens) => <TokenTable tokens={tokens} shown={shownToken} onShow={setShownToken} />}
      </QueryState>
      {shownToken && <TokenSubscriptions tokenId={shownToken} />}
      <QueryState
        query={organisationsQuery}
        loading="Organisaties laden…"
        failure="De organisaties konden niet worden geladen."
      >
        {(organisations) => <IssueTokenForm organisations={organisations} onIssued={setIssued} />}
      </QueryState>
    </div>
  );
}

function IssuedNotice({ issued, onClose }: { issued: IssuedToken; onClose(): void }) {
  return (
    <div role="status">
      <Alert type="ok">
        <Paragraph>
          Token ‘{issued.name}’ is uitgegeven aan {issued.organisation.name} (
          {seatLabel[issued.seat]}). Kopieer het nu: het wordt niet meer getoond.
        </Paragraph>
        <TextField label="Token" readOnly value={issued.token} onFocus={(e) => e.target.select()} />
        <Button appearance="secondary-action-button" onClick={onClose}>
          Ik heb het token bewaard
        </Button>
      </Alert>
    </div>
  );
}

function TokenTable({
  tokens,
  shown,
  onShow,
}: {
  tokens: ApiToken[];
  shown: string | null;
  onShow(tokenId: string | null): void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  if (tokens.length === 0)
    return <Paragraph className="partners-page__empty">Er zijn nog geen API-tokens.</Paragraph>;
  return (
    <>
      <FailureAlert failure={failure} />
      <div className="partners-page__table">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">Organisatie en rol</TableHeaderCell>
              <TableHeaderCell scope="col">Rechten</TableHeaderCell>
              <TableHeaderCell scope="col">Geldig tot en met</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="visually-hidden">Acties</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tokens.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                isShown={shown === token.id}
                onShow={onShow}
                onFailure={setFailure}
              />
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

function TokenRow({
  token,
  isShown,
  onShow,
  onFailure,
}: {
  token: ApiToken;
  isShown: boolean;
  onShow(tokenId: string | null): void;
  onFailure(message: string | null): void;
}) {
  const revoke = useRevokeToken();
  return (
    <TableRow>
      <TableCell>
        {token.name}
        <br />
        <code>{token.prefix}…</code>
      </TableCell>
      <TableCell>
        {token.organisation.name} ({seatLabel[token.seat]})
      </TableCell>
      <TableCell>{token.permissions.map((p) => permissionLabel[p]).join(', ')}</TableCell>
      <TableCell>{formatDutchDate(token.expiresOn)}</TableCell>
      <TableCell>
        {tokenStatusLabel[token.status]}
        {token.lastUsedAt && (
          <>
            <br />
            laatst gebruikt {formatDutchDate(token.lastUsedAt)}
          </>
        )}
      </TableCell>
      <TableCell>
        <div className="partners-page__actions">
          <Button
            appearance="subtle-button"
            aria-expanded={isShown}
            onClick={() => onShow(isShown ? null : token.id)}
          >
            Abonnementen<span className="visually-hidden"> van {token.name}</span>
          </Button>
          {token.status === 'active' && (
            <Button
              appearance="secondary-action-button"
              disabled={revoke.isPending}
              onClick={async () => {
                onFailure(null);
                try {
                  await revoke.mutateAsync(token.id);
                } catch (error) {
                  onFailure(
                    error instanceof ApiError ? error.message : 'Intrekken is niet gelukt.',
                  );
                }
              }}
            >
              Intrekken<span className="visually-hidden"> {token.name}</span>
            </Button>
          )}
        </div>
      </TableCell>
    </TableRow>
  );
}

function TokenSubscriptions({ tokenId }: { tokenId: string }) {
  const query = useTokenSubscriptions(tokenId);
  return (
    <section aria-labelledby="abonnementen-titel" className="admin-card">
      <Heading level={2} id="abonnementen-titel">
        Abonnementen op gebeurtenissen
      </Heading>
      <QueryState
        query={query}
        loading="Abonnementen laden…"
        failure="De abonnementen konden niet worden geladen."
      >
        {(subscriptions) =>
          subscriptions.length === 0 ? (
            <Paragraph>Dit token heeft (nog) geen abonnementen.</Paragraph>
          ) : (
            <ul className="partners-page__subscriptions">
              {subscriptions.map((s) => (
                <li key={s.id}>
                  <code>{s.url}</code>: {s.kinds.map((k) => partnerEventKindLabel[k]).join(', ')}.
                  Bezorgd {s.deliveries.delivered}, wachtend {s.deliveries.pending}, opgegeven{' '}
                  {s.deliveries.failed}.
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function IssueTokenForm({
  organisations,
  onIssued,
}: {
  organisations: OrganisationSummary[];
  onIssued(issued: IssuedToken): void;
}) {
  const today = dutchToday();
  const { register, formState, control, onSubmit } = useIssueTokenForm(today, onIssued);
  const [organisationId, seat] = useWatch({ control, name: ['organisationId', 'seat'] });
  const organisation = organisations.find((o) => o.id === organisationId);
  const seatsHere: readonly Seat[] = organisation ? seatsByOrganisationKind[organisation.kind] : [];
  const errors = formState.errors;
  return (
    <section aria-labelledby="nieuw-token-titel" className="admin-card">
      <Heading level={2} id="nieuw-token-titel">
        Token uitgeven
      </Heading>
      <form onSubmit={onSubmit} noValidate aria-label="Token uitgeven" className="stacked-form">
        <TextField
          label="Naam"
          description="Het systeem dat het token gebruikt, bijvoorbeeld ‘Zaaksysteem Kwintes’."
          autoComplete="off"
          error={errors.name?.message}
          {...register('name')}
        />
        <SelectField
          label="Organisatie"
          error={errors.organisationId?.message}
          {...register('organisationId')}
        >
          <SelectOption value="">Kies een organisatie</SelectOption>
          {organisations.map((o) => (
            <SelectOption key={o.id} value={o.id}>
              {o.name}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label="Rol" error={errors.seat?.message} {...register('seat')}>
          {(seatsHere.length ? seatsHere : (Object.keys(seatLabel) as Seat[])).map((s) => (
            <SelectOption key={s} value={s}>
              {seatLabel[s]}
            </SelectOption>
          ))}
        </SelectField>
        <ChoiceGroup
          id="token-rechten"
          legend="Rechten"
          description="Alleen rechten die deze rol heeft; persoonlijke rechten (account, meldingen, taken) en beheer nooit."
          type="checkbox"
          error={errors.permissions?.message ?? errors.permissions?.[0]?.message}
          options={tokenGrantsOf(seat).map((p) => ({ value: p, label: permissionLabel[p] }))}
          registration={register('permissions')}
        />
        <TextField
          label="Geldig tot en met"
          type="date"
          min={addDays(today, 1)}
          max={latestTokenExpiry(today)}
          error={errors.expiresOn?.message}
          {...register('expiresOn')}
        />
        <Button type="submit" appearance="primary-action-button" disabled={formState.isSubmitting}>
          Token uitgeven
        </Button>
      </form>
    </section>
  );
}

/** The form's state and its submit: the API's issues land at their fields. */
function useIssueTokenForm(today: string, onIssued: (issued: IssuedToken) => void) {
  const issue = useIssueToken();
  const { register, handleSubmit, formState, setError, reset, control } = useForm<IssueToken>({
    resolver: zodResolver(issueTokenSchema) as never,
    defaultValues: {
      name: '',
      organisationId: '',
      seat: 'casemanager',
      permissions: [],
      expiresOn: addDays(today, 90),
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      onIssued(await issue.mutateAsync(values));
      reset();
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      for (const issue of issues)
        setError(issue.path.split('.')[0] as keyof IssueToken, { message: issue.message });
      if (!issues.length)
        setError('name', {
          message: error instanceof ApiError ? error.message : 'Uitgeven is niet gelukt.',
        });
    }
  });
  return { register, formState, control, onSubmit };
}
