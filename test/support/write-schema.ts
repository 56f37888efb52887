// `npm run schema`: regenerate the shipped config JSON Schema from the zod schema.
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { configJsonSchema } from '../../src/config/json-schema.js';

await writeFileAtomic(new URL('../../schema/identity-golive.schema.json', import.meta.url).pathname, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
