import PDFDocument from 'pdfkit';
import { decisionRuleLabel, lifeDomainLabel, tableStateLabel, type LifeDomain, type TableView } from '@uitstroom/shared';

const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
const date = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

/** What a reader's copy of the minutes calls a case: the name where the reader may see it, else the pseudonym. */
export function caseLabel(item: TableView['agenda'] extends (infer I)[] | undefined ? I : never): string {
  const identity = item.case.identity as { firstName?: string; lastName?: string } | undefined;
  return identity?.lastName ? `${identity.firstName ?? ''} ${identity.lastName}`.trim() : `Casus ${item.pseudonym}`;
}

/**
 * The minutes as a PDF, made from the reader's own view of the table: each seat's copy holds only
 * what its projection allows, because it is built from nothing else.
 */
export function minutesPdf(table: TableView, municipalityName: (code: string | null | undefined) => string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Notulen ${table.title}`, Author: 'Uitstroomtafel' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(18).text(`Notulen: ${table.title}`);
  doc.moveDown(0.3).fontSize(10).fillColor('#444')
    .text(`${dateTime.format(new Date(table.startsAt))}${table.location ? ` · ${table.location}` : ''} · status: ${tableStateLabel[table.state].toLowerCase()}`)
    .text(`Voorzitter: ${table.chair.displayName}`)
    .text(`Genodigd: ${table.invited.map((o) => o.name).join(', ') || '—'}`);
  doc.fillColor('black').moveDown();

  for (const item of table.agenda ?? []) {
    doc.fontSize(13).text(`${item.position}. ${caseLabel(item)}`);
    doc.fontSize(10);
    if (item.status === 'deferred' || item.status === 'removed') {
      doc.text(`${item.status === 'deferred' ? 'Uitgesteld' : 'Van de agenda gehaald'}: ${item.note ?? ''}`);
    } else if (item.decision) {
      const d = item.decision as Record<string, any>;
      doc.text(`Besluit: ${decisionRuleLabel[d.rule as keyof typeof decisionRuleLabel] ?? d.rule}${d.destination ? `, bestemming ${municipalityName(d.destination)}` : ''}${d.departsFromProposal ? ' (wijkt af van het voorstel)' : ''}`);
      if (d.motivation) doc.text(`Motivering: ${d.motivation}`);
      if (d.referralSummary) doc.text(`Overdracht herkomstregio: ${d.referralSummary}`);
      if (d.followUpProvider) doc.text(`Nazorg: ${d.followUpProvider}`);
      const votes = (d.votes as { position: string; reason?: string; seat: string }[]) ?? [];
      const objections = votes.filter((v) => v.position === 'object');
      doc.text(`Aanwezig: ${(d.present as unknown[]).length} organisaties · akkoord: ${votes.length - objections.length} · bezwaar: ${objections.length}${d.isDisputed ? ' · GESCHIL voor de stuurgroep' : ''}`);
      for (const o of objections) doc.text(`  Bezwaar: ${o.reason ?? ''}`);
      for (const p of (d.preconditions as { lifeDomain: LifeDomain; description: string; ownerName: string; dueDate: string }[]) ?? []) {
        doc.text(`  • ${lifeDomainLabel[p.lifeDomain]}: ${p.description} — ${p.ownerName}, uiterlijk ${date.format(new Date(p.dueDate))}`);
      }
    } else {
      doc.text('Nog niet besproken.');
    }
    doc.moveDown(0.8);
  }
  if (!table.agenda?.length) doc.fontSize(10).text('Geen agendapunten.');
  doc.moveDown().fontSize(8).fillColor('#666')
    .text('Vertrouwelijk. Deze notulen tonen alleen wat uw rol en de toestemming van de bewoners toelaten. Niet doorsturen.');
  doc.end();
  return done;
}
