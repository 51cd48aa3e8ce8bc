import type { ReactNode } from 'react';
import { exportFormats, type ExportFormat } from '@uitstroom/shared';
import './layout.css';

/** How a link names its format: "CSV", "Excel". */
export const exportFormatLabel: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel' };

/**
 * The downloads of one list side by side: its CSV and its Excel workbook (or only the workbook,
 * where a list has no CSV). Links with `download`, so the browser saves the file itself; the
 * addresses come from the typed API client (`apiUrl`), through `urlOf`.
 */
export function ExportLinks({
  urlOf,
  text,
  formats = exportFormats,
  className,
}: {
  urlOf: (format: ExportFormat) => string;
  /** The words of one link, given its format's name ("Deze woningen exporteren (Excel)"). */
  text: (formatLabel: string) => ReactNode;
  formats?: readonly ExportFormat[];
  className?: string;
}) {
  return (
    <span className={['export-links', className].filter(Boolean).join(' ')}>
      {formats.map((format) => (
        <a key={format} className="utrecht-link" href={urlOf(format)} download>
          {text(exportFormatLabel[format])}
        </a>
      ))}
    </span>
  );
}
