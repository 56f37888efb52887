// `node --import ./register.mjs …`: record every module URL the process resolves into the file
// named by IMPORT_LOG, so a test can tell which modules a command loaded.
import { register } from 'node:module';
import { env } from 'node:process';

register('./hooks.mjs', import.meta.url, { data: { file: env.IMPORT_LOG } });
