/** CI guard: the committed OpenAPI document must equal what the routes generate now. */
import { readFile } from 'node:fs/promises';
import { buildOpenApiDocument } from '../apps/server/src/openapi-document';

const committedPath = new URL('../packages/contracts/openapi.json', import.meta.url);
const generated = JSON.stringify(await buildOpenApiDocument(), null, 2) + '\n';
const committed = await readFile(committedPath, 'utf8').catch(() => '');
if (generated !== committed) {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = b.findIndex((l, i) => l !== a[i]);
  console.error(`openapi.json drifted from the routes (first difference at line ${line + 1}).`);
  console.error(`  committed: ${a[line] ?? '<end>'}\n  generated: ${b[line] ?? '<end>'}`);
  console.error('Run `npm run openapi` and commit packages/contracts/openapi.json.');
  process.exit(1);
}
console.log(
  `openapi.json is up to date (${Object.keys((JSON.parse(generated) as { paths: object }).paths).length} paths)`,
);
