// The JSON Schema shipped for editors, generated from the zod schema so the two cannot drift
// (a test compares it with schema/identity-golive.schema.json; `npm run schema` rewrites it).
import { z } from 'zod';
import { configSchema } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'identity-golive configuration',
    description: 'Config for identity-golive, the Stripe Identity go-live linter.',
  };
}
