/**
 * Dutch wording for the reasons of a proposal. Written out by hand rather than through `Intl`:
 * the command line, the server and the browser must print the very same sentence, and a Node
 * build without full ICU data (or a browser with another locale) would not. Dates are worded by
 * the one calendar module (`../calendar/calendar`).
 */

/** A decimal with a comma: `0.3217` → `0,32`; negative numbers with a minus sign (U+2212). */
export function formatDutchDecimal(value: number, decimals = 2): string {
  const fixed = Math.abs(value).toFixed(decimals).replace('.', ',');
  // -0,00 reads as a debt where there is none.
  const isZero = /^[0,]+$/.test(fixed);
  return value < 0 && !isZero ? `\u2212${fixed}` : fixed;
}

/** A whole number with a dot between thousands: `226500` → `226.500`. */
export function formatDutchInteger(value: number): string {
  const digits = String(Math.abs(Math.trunc(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return value < 0 ? `\u2212${grouped}` : grouped;
}

/** A share as a percentage with a comma: `0.0539` → `5,39%`. */
export function formatDutchPercentage(share: number, decimals = 2): string {
  return `${formatDutchDecimal(share * 100, decimals)}%`;
}

/** `['a']` → `a`; `['a', 'b', 'c']` → `a, b en c`. */
export function joinDutchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export interface NamedMunicipality {
  readonly code: string;
  readonly name: string;
}

/**
 * A municipality by its name when the region names it; otherwise (outside the region, where
 * the input gives no name) by its CBS code.
 */
export function nameMunicipality(
  code: string,
  region: ReadonlyMap<string, NamedMunicipality> | readonly NamedMunicipality[],
): string {
  if (Array.isArray(region))
    return (region as readonly NamedMunicipality[]).find((m) => m.code === code)?.name ?? code;
  return (region as ReadonlyMap<string, NamedMunicipality>).get(code)?.name ?? code;
}

/**
 * The minimum-binding figures of a proposal in one line for a page:
 * `Niet gehaald: 546 van de vereiste 730 dagen in Lelystad`. `nameOf` names a municipality.
 */
export function describeBindingFigures(
  binding: {
    readonly municipality: string | null;
    readonly daysBound: number;
    readonly daysRequired: number;
    readonly holds: boolean;
  },
  nameOf: (code: string) => string,
): string {
  const verdict = binding.holds ? 'Gehaald' : 'Niet gehaald';
  const required = formatDutchInteger(binding.daysRequired);
  if (binding.municipality === null)
    return `${verdict}: geen woonadres vóór de opname, 0 van de vereiste ${required} dagen`;
  return `${verdict}: ${formatDutchInteger(binding.daysBound)} van de vereiste ${required} dagen in ${nameOf(binding.municipality)}`;
}
