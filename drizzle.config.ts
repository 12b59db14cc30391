import { defineConfig } from 'drizzle-kit';

// One ordered migration stream for the whole application. Schema files live beside the code
// that owns them: src/platform/**/<name>.schema.ts and src/modules/<module>/db/<module>.schema.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/*.schema.ts', './src/modules/*/db/*.schema.ts'],
  out: './migrations',
  casing: 'snake_case',
});
