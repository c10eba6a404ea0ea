import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchemaSdl } from '../src/schema/print-schema';

/** `npm run schema`: writes schema.graphql from the code (a test fails when it is stale). */
const file = path.resolve(__dirname, '..', '..', 'schema.graphql');
writeFileSync(file, printSchemaSdl());
process.stdout.write(`wrote ${file}\n`);
