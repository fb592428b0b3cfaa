/**
 * zod without generated code (docs/robustness.md): by default zod compiles object parsers with
 * `new Function`, which the Content-Security-Policy forbids (and merely probing for it reports a
 * violation). Imported first by every browser entry point, before any schema is built: a schema
 * decides at construction whether to compile.
 */
import { z } from 'zod';

z.config({ jitless: true });
