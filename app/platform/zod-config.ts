import { z } from 'zod';

// Zod compiles object parsers with `new Function` when the page allows it, and finds out by trying,
// which the Content-Security-Policy (no 'unsafe-eval') reports as a violation. Parsing without
// that compilation is fast enough for the shapes a browser parses. Imported first by main.tsx.
z.config({ jitless: true });
