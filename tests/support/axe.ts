import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

/**
 * What axe-core finds wrong on the page against WCAG 2.1 A and AA: one line per rule, with the
 * first nodes it names. Only the impacts given count (all of them when none are given).
 *
 * Legacy mode runs axe in the page itself. By default @axe-core/playwright opens a blank page for
 * every check to merge the results of the page's frames: a new renderer process each time, which
 * under the responsive crawl's load took a check on a 110-node page to 40 s. The app has no frames,
 * so legacy mode judges the same markup.
 */
export async function axeViolations(page: Page, impacts?: readonly Impact[]): Promise<string[]> {
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode()
    // Only the violations are read: axe then keeps no list of every node that passed.
    .options({ resultTypes: ['violations'] })
    .analyze();
  return axe.violations
    .filter((v) => !impacts || (v.impact && impacts.includes(v.impact)))
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
