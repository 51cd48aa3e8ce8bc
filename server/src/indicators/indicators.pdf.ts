import PDFDocument from 'pdfkit';
import {
  formatDutchDateAtTime,
  countText,
  describeAppliedFilter,
  describeDashboardScope,
  formatDutchDate,
  formatDutchDecimal,
  indicatorIds,
  indicatorTitle,
  suppressedCountText,
  type Dashboard,
  type DashboardView,
  type IndicatorCount,
  type IndicatorId,
  type WaitingIndicator,
} from '@uitstroom/shared';
import { pdfFont, useEmbeddedFont } from '../core/pdf-font';

/**
 * The whole dashboard as a PDF, for the quarterly report to the councils: title, region, period,
 * filters, then every indicator as a table, with simple horizontal bars where a count or a
 * number of days reads better as a length. Made from the view the seat received, so "<5" stays
 * "<5" (and draws no bar) and a section the seat may not see is named as absent, not filled in.
 * A municipality's copy shows its own table with the region's beneath it, per indicator.
 * House style of the minutes (tables/minutes.pdf.ts): A4, the embedded font (core/pdf-font.ts), 56 pt margins.
 */

const dateTime = { format: (moment: Date) => formatDutchDateAtTime(moment) };
const margin = 56;
const rowHeight = 15;
const barColour = '#1f5fa8';
const muted = '#555';

type Align = 'left' | 'right';
interface Column {
  title: string;
  width: number;
  align?: Align;
}
interface Row {
  cells: string[];
  /** The length of the bar, in the unit of `Table.barMax`; null draws none ("<5", unknown). */
  bar?: number | null;
  isGroupHeading?: boolean;
}
interface Table {
  columns: Column[];
  rows: Row[];
  barMax?: number;
  barWidth?: number;
  /** A thin line across the bars (the waiting target). */ marker?: number;
}

const number = (value: number | null) =>
  value === null
    ? '–'
    : Number.isInteger(value)
      ? String(value)
      : formatDutchDecimal(value, Number.isInteger(value * 10) ? 1 : 2);
const percent = (share: number | null) =>
  share === null ? '–' : `${formatDutchDecimal(share * 100, 1)} %`;
const barOf = (count: IndicatorCount) => (typeof count === 'number' ? count : null);

export function dashboardPdf(view: DashboardView, now: Date): Promise<Buffer> {
  const { dashboard } = view;
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    info: { Title: `Indicatoren uitstroom: ${dashboard.scope.label}`, Author: 'Uitstroomtafel' },
  });
  useEmbeddedFont(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const contentWidth = doc.page.width - 2 * margin;
  const bottom = () => doc.page.height - margin - 20;

  /** Cuts a text to fit a cell, with an ellipsis. */
  const fit = (text: string, width: number) => {
    if (doc.widthOfString(text) <= width) return text;
    let cut = text;
    while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  };

  const heading = (text: string) => {
    if (doc.y + 80 > bottom()) doc.addPage();
    doc
      .moveDown(0.8)
      .fontSize(13)
      .font(pdfFont.bold)
      .fillColor('black')
      .text(text, margin, doc.y, { width: contentWidth })
      .font(pdfFont.regular)
      .fontSize(9);
  };
  const subheading = (text: string) => {
    if (doc.y + 50 > bottom()) doc.addPage();
    doc
      .moveDown(0.4)
      .fontSize(10)
      .font(pdfFont.bold)
      .fillColor('#222')
      .text(text, margin, doc.y, { width: contentWidth })
      .font(pdfFont.regular)
      .fontSize(9);
  };
  const note = (text: string) => {
    doc
      .fontSize(9)
      .fillColor(muted)
      .text(text, margin, doc.y, { width: contentWidth })
      .fillColor('black');
  };

  const drawTable = (table: Table) => {
    const barWidth = table.barMax !== undefined ? (table.barWidth ?? 130) : 0;
    const widths = table.columns.map((c) => c.width);
    const drawHeader = () => {
      let x = margin;
      const y = doc.y + 2;
      doc.font(pdfFont.bold).fontSize(8.5).fillColor('#222');
      table.columns.forEach((column, i) => {
        doc.text(fit(column.title, widths[i]! - 4), x + 2, y, {
          width: widths[i]! - 4,
          align: column.align ?? 'left',
          lineBreak: false,
        });
        x += widths[i]!;
      });
      doc
        .moveTo(margin, y + rowHeight - 3)
        .lineTo(margin + contentWidth, y + rowHeight - 3)
        .lineWidth(0.5)
        .strokeColor('#999')
        .stroke();
      doc.font(pdfFont.regular).fontSize(8.5).fillColor('black');
      doc.y = y + rowHeight;
    };
    drawHeader();
    for (const row of table.rows) {
      if (doc.y + rowHeight > bottom()) {
        doc.addPage();
        drawHeader();
      }
      const y = doc.y;
      let x = margin;
      doc.font(row.isGroupHeading ? pdfFont.bold : pdfFont.regular);
      table.columns.forEach((column, i) => {
        const text = row.cells[i] ?? '';
        doc.fillColor('black').text(fit(text, widths[i]! - 4), x + 2, y + 2, {
          width: widths[i]! - 4,
          align: column.align ?? 'left',
          lineBreak: false,
        });
        x += widths[i]!;
      });
      if (table.barMax !== undefined && table.barMax > 0) {
        const barX = margin + contentWidth - barWidth;
        if (row.bar !== undefined && row.bar !== null && row.bar > 0) {
          doc
            .rect(
              barX,
              y + 3,
              Math.max(1, (Math.min(row.bar, table.barMax) / table.barMax) * barWidth),
              rowHeight - 6,
            )
            .fillColor(barColour)
            .fill();
        }
        if (table.marker !== undefined && !row.isGroupHeading) {
          const markerX = barX + (Math.min(table.marker, table.barMax) / table.barMax) * barWidth;
          doc
            .moveTo(markerX, y + 1)
            .lineTo(markerX, y + rowHeight - 1)
            .lineWidth(0.8)
            .strokeColor('#c0392b')
            .stroke();
        }
      }
      doc.font(pdfFont.regular).fillColor('black');
      doc.y = y + rowHeight;
    }
    doc.x = margin;
    doc.moveDown(0.3);
  };

  /** Columns that fill the page: the first takes what the others and the bars leave. */
  const columnsOf = (first: string, rest: [string, number][], barWidth = 0): Column[] => {
    const used = rest.reduce((sum, [, width]) => sum + width, 0) + barWidth;
    return [
      { title: first, width: contentWidth - used },
      ...rest.map(([title, width]) => ({ title, width, align: 'right' as const })),
      ...(barWidth ? [{ title: '', width: barWidth }] : []),
    ];
  };

  const waitingTable = (indicator: WaitingIndicator) => {
    const groups: [string | null, WaitingIndicator['byMunicipality']][] = [
      [null, [indicator.total]],
      ['Per gemeente', indicator.byMunicipality],
      ['Per corporatie', indicator.byCorporation],
      ['Per doelgroep', indicator.byTargetGroup],
    ];
    const rows: Row[] = [];
    for (const [title, figures] of groups) {
      if (title) rows.push({ cells: [title], isGroupHeading: true });
      for (const f of figures) {
        rows.push({
          cells: [
            f.label,
            countText(f.count),
            number(f.medianDays),
            number(f.p75Days),
            countText(f.overTarget),
            percent(f.overTargetShare),
          ],
          bar: f.medianDays,
        });
      }
    }
    const medians = rows.map((r) => r.bar ?? 0);
    drawTable({
      columns: columnsOf(
        'Groep',
        [
          ['Aantal', 45],
          ['Mediaan', 50],
          ['75e perc.', 50],
          ['Boven norm', 55],
          ['Aandeel', 50],
        ],
        110,
      ),
      rows,
      barMax: Math.max(indicator.targetDays, ...medians) * 1.1,
      barWidth: 110,
      marker: indicator.targetDays,
    });
    note(
      `In dagen sinds uitstroomgereed. Balk: de mediaan; rode streep: de norm van ${indicator.targetDays} dagen.`,
    );
  };

  const countTable = (first: string, items: { label: string; count: IndicatorCount }[]) => {
    const max = Math.max(0, ...items.map((i) => barOf(i.count) ?? 0));
    drawTable({
      columns: columnsOf(first, [['Aantal', 60]], 160),
      rows: items.map((i) => ({ cells: [i.label, countText(i.count)], bar: barOf(i.count) })),
      barMax: max,
      barWidth: 160,
    });
  };

  const section = (id: IndicatorId, d: Dashboard) => {
    switch (id) {
      case 'waitingToOffer':
        return waitingTable(d.waitingToOffer);
      case 'waitingToKeys':
        return waitingTable(d.waitingToKeys);
      case 'openCases': {
        if (!d.openCases) return absent();
        countTable('Fase', d.openCases.byState);
        note(
          `Zonder activiteit sinds ${d.openCases.stalledDays} dagen of langer: ${countText(d.openCases.stalled)}. ` +
            `Langer dan de norm uitstroomgereed en nog zonder woningaanbod: ${countText(d.openCases.waitingOverTarget)}. Open casussen van vandaag; de periode telt hier niet.`,
        );
        return;
      }
      case 'decisions':
        return d.decisions ? countTable('Regel', d.decisions) : absent();
      case 'distribution': {
        if (!d.distribution) return absent();
        const dist = d.distribution;
        note(
          `Afspraakperiode ${formatDutchDate(dist.periodStart)} tot en met ${formatDutchDate(dist.periodEnd)}; toegewezen naar inwonertal in totaal: ${countText(dist.total)}.`,
        );
        drawTable({
          columns: columnsOf('Gemeente', [
            ['Aandeel inw.', 65],
            ['Toegewezen', 65],
            ['Verwacht', 60],
            ['Achterstand', 65],
          ]),
          rows: dist.rows.map((r) => ({
            cells: [
              r.name,
              percent(r.populationShare),
              countText(r.allocated),
              number(r.expected),
              number(r.deficit),
            ],
          })),
        });
        return note(
          'Verwacht: het aandeel in de inwoners maal het totaal. Achterstand boven nul: de gemeente is aan de beurt.',
        );
      }
      case 'dwellings': {
        if (!d.dwellings.length) return note('Geen aanbiedingen of contingenten in deze periode.');
        drawTable({
          columns: [
            { title: 'Corporatie', width: contentWidth - 300 },
            { title: 'Gemeente', width: 120 },
            ...[
              ['Toegezegd', 60],
              ['Aangeboden', 60],
              ['Aanvaard', 60],
            ].map(([title, width]) => ({
              title: title as string,
              width: width as number,
              align: 'right' as const,
            })),
          ],
          rows: d.dwellings.map((r) => ({
            cells: [
              r.organisationName,
              r.municipalityName,
              r.promised === null ? 'geen afspraak' : String(r.promised),
              countText(r.offered),
              countText(r.accepted),
            ],
          })),
        });
        return note('Toegezegd: de contingenten van de kalenderjaren die de periode raakt, samen.');
      }
      case 'neighbourhoods': {
        if (!d.neighbourhoods.length) return note('Geen verhuizingen in deze periode.');
        const max = Math.max(0, ...d.neighbourhoods.map((r) => barOf(r.moves) ?? 0));
        return drawTable({
          columns: [
            { title: 'Wijk', width: contentWidth - 330 },
            { title: 'Gemeente', width: 110 },
            { title: 'Verhuizingen', width: 70, align: 'right' },
            { title: '', width: 150 },
          ],
          rows: d.neighbourhoods.map((r) => ({
            cells: [r.neighbourhood, r.municipalityName, countText(r.moves)],
            bar: barOf(r.moves),
          })),
          barMax: max,
          barWidth: 150,
        });
      }
      case 'outcomes':
        return d.outcomes ? countTable('Uitkomst', d.outcomes) : absent();
      case 'stillHoused': {
        if (!d.stillHoused) return absent();
        return drawTable({
          columns: columnsOf('Meting', [
            ['Metingen', 65],
            ['Beantwoord', 65],
            ['Nog gehuisvest', 80],
            ['Aandeel', 60],
          ]),
          rows: d.stillHoused.map((r) => ({
            cells: [
              `na ${r.months} maanden`,
              countText(r.due),
              countText(r.answered),
              countText(r.stillHoused),
              percent(r.share),
            ],
          })),
        });
      }
    }
  };
  const absent = () =>
    note(
      'Niet in dit overzicht: deze indicator gaat over casussen, niet over de woningen van één corporatie.',
    );

  // ---- the front matter ----
  const applied = dashboard.filter;
  doc.fontSize(18).font(pdfFont.bold).text('Indicatoren uitstroom').font(pdfFont.regular);
  doc.moveDown(0.2).fontSize(12).text(describeDashboardScope(view));
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor('#333')
    .text(`Periode: ${formatDutchDate(applied.from)} tot en met ${formatDutchDate(applied.to)}`)
    .text(`Filters: ${describeAppliedFilter(applied).join(', ') || 'geen'}`)
    .text(`Gemaakt op ${dateTime.format(now)}`);
  if (dashboard.smallCountsSuppressed)
    note(
      `Aantallen van 1 tot en met 4 staan als "${suppressedCountText}"; een mediaan of aandeel van zo weinig mensen is weggelaten.`,
    );
  note('Alleen totalen: dit overzicht noemt geen personen.');

  for (const id of indicatorIds) {
    heading(indicatorTitle[id]);
    section(id, dashboard);
    if (view.comparison) {
      subheading(`Ter vergelijking: ${view.comparison.scope.label}`);
      section(id, view.comparison);
    }
  }

  // Page numbers last, when the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a page for it.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#666')
      .text(
        `Uitstroomtafel · ${dashboard.scope.label} · ${formatDutchDate(applied.from)} tot en met ${formatDutchDate(applied.to)} · pagina ${i + 1} van ${range.count}`,
        margin,
        doc.page.height - margin + 10,
        { width: contentWidth, align: 'center', lineBreak: false },
      );
  }
  doc.end();
  return done;
}
