import PDFDocument from 'pdfkit';
import {
  amsterdamDate,
  decisionRuleLabel,
  formatDutchDate,
  formatDutchDateAtTime,
  isPreconditionOverdue,
  lifeDomainLabel,
  minutesOf,
  seatLabel,
  tableStateLabel,
  type AgendaItem,
  type TableView,
} from '@uitstroom/shared';
import { useEmbeddedFont } from '../core/pdf-font';

/** What a reader's copy of the minutes calls a case: the name where the reader may see it, else the pseudonym. */
export function caseLabel(item: AgendaItem): string {
  const identity = item.case['identity'] as { firstName?: string; lastName?: string } | undefined;
  return identity?.lastName
    ? `${identity.firstName ?? ''} ${identity.lastName}`.trim()
    : `Casus ${item.pseudonym}`;
}

/**
 * The minutes as a PDF, made from the reader's own view of the table: each seat's copy holds only
 * what its projection allows, because it is built from nothing else. Same parts as the printable
 * page: present, per case the decision with its preconditions, the deferred cases.
 */
export function minutesPdf(
  table: TableView,
  municipalityName: (code: string | null | undefined) => string,
  now: Date,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Notulen ${table.title}`, Author: 'Uitstroomtafel' },
  });
  useEmbeddedFont(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const today = amsterdamDate(now);
  const agenda = table.agenda ?? [];
  const minutes = minutesOf(agenda);
  const heading = (text: string) =>
    doc.moveDown(0.6).fontSize(13).fillColor('black').text(text).fontSize(10);

  doc.fontSize(18).text(`Notulen: ${table.title}`);
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor('#444')
    .text(
      `${formatDutchDateAtTime(table.startsAt)}${table.location ? ` · ${table.location}` : ''}${table.videoUrl ? ` · ${table.videoUrl}` : ''} · status: ${tableStateLabel[table.state].toLowerCase()}`,
    )
    .text(`Voorzitter: ${table.chair.displayName}`)
    .text(`Genodigd: ${table.invited.map((o) => o.name).join(', ') || '—'}`)
    .text(
      `Aanwezig: ${minutes.present.map((p) => `${p.organisationName} (${p.seats.map((s) => seatLabel[s as keyof typeof seatLabel] ?? s).join(', ')})`).join(', ') || '—'}`,
    );
  doc.fillColor('black');

  heading(`Besluiten (${minutes.decided.length})`);
  if (!minutes.decided.length) doc.text('Geen besluiten.');
  for (const item of minutes.decided) {
    const d = item.decision!;
    doc
      .moveDown(0.4)
      .fontSize(11)
      .text(`${item.position}. ${caseLabel(item)}`)
      .fontSize(10);
    const destination =
      d.rule === 'buiten_regio'
        ? 'verwezen naar de regio van herkomst'
        : `bestemming ${municipalityName(d.destination)}`;
    // The decision's own Dutch day (on or after the table's date, domain.md §4), the same day the letter names.
    doc.text(`Besloten op ${formatDutchDate(d.decidedAt)}.`);
    doc.text(
      `Besluit: ${decisionRuleLabel[d.rule]}, ${destination}${d.departsFromProposal ? ' (wijkt af van het voorstel)' : ''}`,
    );
    if (d.motivation) doc.text(`Motivering: ${d.motivation}`);
    if (d.referralSummary) doc.text(`Overdracht herkomstregio: ${d.referralSummary}`);
    if (d.followUpProvider) doc.text(`Nazorg: ${d.followUpProvider}`);
    const votes = new Map(d.votes.map((v) => [v.organisationId, v]));
    for (const p of d.present) {
      const vote = votes.get(p.organisationId);
      doc.text(
        `  ${p.organisationName}: ${vote ? (vote.position === 'agree' ? 'akkoord' : `bezwaar — ${vote.reason ?? 'reden vastgelegd, niet zichtbaar voor uw rol'}`) : 'geen standpunt'}`,
      );
    }
    if (d.isDisputed) doc.text('GESCHIL: voorgelegd aan de stuurgroep van de regio.');
    for (const p of d.preconditions) {
      const late = isPreconditionOverdue(p.dueDate, p.isDone, today)
        ? ' (TE LAAT)'
        : p.isDone
          ? ' (geregeld)'
          : '';
      doc.text(
        `  • ${lifeDomainLabel[p.lifeDomain]}: ${p.description} — ${p.ownerName}, uiterlijk ${formatDutchDate(p.dueDate)}${late}`,
      );
    }
    doc
      .fillColor('#444')
      .text(
        `Vastgelegd door ${d.decidedBy} op ${formatDutchDateAtTime(d.decidedAt)}, regelset versie ${d.ruleSetVersion}.`,
      )
      .fillColor('black');
  }

  heading(`Uitgesteld (${minutes.deferred.length})`);
  if (!minutes.deferred.length) doc.text('Geen casussen uitgesteld.');
  for (const item of minutes.deferred)
    doc.text(
      `${item.position}. ${caseLabel(item)}: ${item.note ?? (item.hasNote ? 'reden vastgelegd, niet zichtbaar voor uw rol' : '')}`,
    );

  if (minutes.open.length) {
    heading(`Nog niet besproken (${minutes.open.length})`);
    for (const item of minutes.open) doc.text(`${item.position}. ${caseLabel(item)}`);
  }

  doc
    .moveDown()
    .fontSize(8)
    .fillColor('#666')
    .text(
      'Vertrouwelijk. Deze notulen tonen alleen wat uw rol en de toestemming van de bewoners toelaten. Niet doorsturen.',
    );
  doc.end();
  return done;
}
