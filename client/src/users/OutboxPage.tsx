import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { formatDutchDateTime, outboxMailSchema, type OutboxMail } from '@uitstroom/shared';
import { apiClient, request } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { QueryStatus } from '../core/query/QueryState';

/** Demo mode only: the mails the app would have sent, so invitations and resets can be tried without SMTP. */
export function OutboxPage() {
  const outbox = useQuery({
    queryKey: queryKeys.outbox,
    queryFn: ({ signal }) =>
      request(apiClient.GET('/api/admin/outbox', { signal }), {
        schema: z.array(outboxMailSchema),
      }),
  });
  const mails: OutboxMail[] | null = outbox.data ?? null;
  return (
    <>
      <Heading level={1}>Demo-postvak</Heading>
      <Paragraph>
        Deze installatie verstuurt geen echte e-mail (er is geen SMTP-server ingesteld).
        Uitnodigingen en herstellinks van uw regio staan hier.
      </Paragraph>
      <QueryStatus query={outbox} loading="Laden…" failure="Laden is niet gelukt." />
      {mails?.length === 0 && (
        <div className="empty-state" role="status">
          <Paragraph>Nog geen e-mail verstuurd.</Paragraph>
        </div>
      )}
      {mails?.map((mail) => (
        <article key={mail.id} className="outbox-mail" aria-labelledby={`mail-${mail.id}`}>
          <Heading level={2} id={`mail-${mail.id}`}>
            {mail.subject}
          </Heading>
          <Paragraph className="outbox-mail__meta">
            Aan {mail.to} · {formatDutchDateTime(mail.createdAt)}
          </Paragraph>
          <div className="outbox-mail__body">{renderWithLinks(mail.text)}</div>
        </article>
      ))}
    </>
  );
}

function renderWithLinks(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="utrecht-link">
        {part}
      </a>
    ) : (
      <span key={i}>{part}</span>
    ),
  );
}
