import { proposalInputSchema, proposeDestination } from '@uitstroom/shared';
import { readFileSync } from 'node:fs';
const cases = JSON.parse(readFileSync('/tmp/ot/cases.json', 'utf8')) as unknown[];
const mode = process.env.MODE;
const parsed = cases.map((c) => proposalInputSchema.parse(c));
for (let r = 0; r < 20; r++) {
  if (mode === 'parse') for (const c of cases) proposalInputSchema.safeParse(c);
  else for (const p of parsed) proposeDestination(p);
}
