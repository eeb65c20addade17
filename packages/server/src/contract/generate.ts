/** `npm run api:generate`: writes the web's API types from the server's routes (no database needed). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { API_TYPES_FILE, generateApiTypes } from './openapi.js';

writeFileSync(API_TYPES_FILE, await generateApiTypes());
console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
