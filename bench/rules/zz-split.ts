import { performance } from 'node:perf_hooks';
import { proposalInputSchema, proposeDestination } from '@uitstroom/shared';
import { readFileSync } from 'node:fs';
const cases = JSON.parse(readFileSync('/tmp/ot/cases.json', 'utf8')) as unknown[];
const parsed = cases.map((c) => proposalInputSchema.parse(c));
function time(label: string, fn: () => void) {
  for (let i = 0; i < 3; i++) fn();
  const r: number[] = [];
  for (let i = 0; i < 5; i++) { const s = performance.now(); fn(); r.push(cases.length / ((performance.now() - s) / 1000)); }
  r.sort((a, b) => a - b); console.log(label, Math.round(r[2]!));
}
time('parse', () => { for (const c of cases) proposalInputSchema.safeParse(c); });
time('propose', () => { for (const p of parsed) proposeDestination(p); });
import { validateAndPropose } from '@uitstroom/shared';
time('both', () => { for (const c of cases) validateAndPropose(c); });
time('parse', () => { for (const c of cases) proposalInputSchema.safeParse(c); });
time('propose', () => { for (const p of parsed) proposeDestination(p); });
