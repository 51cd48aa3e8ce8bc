// `npm run bench:client`: the initial JavaScript of the built client, the files client/dist/index.html
// loads before the first page paints (its module script and the modules it preloads), each gzipped
// at level 9 as a server would send them. The budget is 230 kB; run `npm run build:client` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = 230;
const dist = join(__dirname, '..', '..', 'client', 'dist');

export function initialScripts(indexHtml: string): string[] {
  const scripts = [...indexHtml.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  return [...new Set([...scripts, ...preloads])];
}

function main(): void {
  const files = initialScripts(readFileSync(join(dist, 'index.html'), 'utf8'));
  let totalBytes = 0;
  for (const file of files) {
    const bytes = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    totalBytes += bytes;
    console.log(`${(bytes / 1000).toFixed(1).padStart(7)} kB  ${file}`);
  }
  const totalKb = totalBytes / 1000;
  console.log(
    `${totalKb.toFixed(1).padStart(7)} kB  initial JavaScript (gzip -9), budget ${budgetKb} kB`,
  );
  if (totalKb > budgetKb) {
    console.error(`Over budget by ${(totalKb - budgetKb).toFixed(1)} kB`);
    process.exit(1);
  }
}

main();
