// `identity-golive init`: a config prefilled from a quick look at the project, asked about
// interactively or written as detected with --yes. Never overwrites a config unasked.
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import type { CliIo } from '../cli/io.js';
import { isCi } from '../cli/io.js';
import type { InitOptions } from '../cli/commands/init.js';
import type { ExitCode } from '../cli/main.js';
import { chalkFor } from '../cli/color.js';
import { createPrompter } from '../cli/prompts.js';
import { SEARCH_PLACES, MODULE_NAME, validateConfig } from '../config/load.js';
import type { UserConfig } from '../config/schema.js';
import { LANGUAGES, type Language } from '../gather/source/types.js';
import { detectProject, type Detection } from '../init/detect.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UserError } from '../util/user-error.js';
import { resolveCwd } from './prepare.js';
import { addressScope } from '../gather/probe/target.js';

export const CONFIG_FILE = `${MODULE_NAME}.config.json`;
export const SCHEMA_REF = 'node_modules/identity-golive/schema/identity-golive.schema.json';

/** Where a config already lives in `cwd` (any place the loader searches), or null. */
export function existingConfig(cwd: string): string | null {
  for (const place of SEARCH_PLACES) {
    const file = path.join(cwd, place);
    if (!existsSync(file)) continue;
    if (place !== 'package.json') return place;
    try {
      if (MODULE_NAME in (JSON.parse(readFileSync(file, 'utf8')) as object)) return `package.json ("${MODULE_NAME}" key)`;
    } catch {
      // A package.json we cannot parse holds no config we could be overwriting.
    }
  }
  return null;
}

export interface InitAnswers {
  languages: Language[];
  privacyPolicyUrl?: string;
  faqUrl?: string;
  deletionUrl?: string;
  webhookUrl?: string;
  webhookPath?: string;
}

export function buildConfig(answers: InitAnswers): UserConfig {
  const config: UserConfig = { $schema: SCHEMA_REF };
  if (answers.privacyPolicyUrl) config.privacyPolicyUrl = answers.privacyPolicyUrl;
  if (answers.faqUrl) config.faqUrl = answers.faqUrl;
  if (answers.deletionUrl) config.deletionUrl = answers.deletionUrl;
  if (answers.languages.length > 0) config.source = { languages: answers.languages };
  if (answers.webhookUrl || answers.webhookPath) config.webhook = { ...(answers.webhookUrl ? { url: answers.webhookUrl } : {}), ...(answers.webhookPath ? { path: answers.webhookPath } : {}) };
  return config;
}

const httpsOrEmpty = (value: string): true | string => {
  if (!value.trim()) return true;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? true : 'An https:// URL (the check requires https), or nothing.';
  } catch {
    return 'An absolute https:// URL, or nothing.';
  }
};

/** Loopback, `localhost` or a private address: where a plain-http handler runs for `probe`. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && addressScope(host) !== 'public';
}

/** The probe's target: a local run over http (127.0.0.1, localhost, a private address), or https anywhere. */
export const webhookUrlOrEmpty = (value: string): true | string => {
  if (!value.trim()) return true;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'An absolute URL such as http://127.0.0.1:4242/webhooks/stripe, or nothing.';
  }
  if (url.protocol === 'https:') return true;
  if (url.protocol === 'http:') return isLocalHost(url.hostname) ? true : 'Plain http only for a local run (127.0.0.1, localhost, a private address); use https for a public server.';
  return 'An http(s) URL such as http://127.0.0.1:4242/webhooks/stripe, or nothing.';
};

export async function runInitCommand(options: InitOptions, io: CliIo): Promise<ExitCode> {
  const cwd = resolveCwd(io, options.cwd);
  const interactive = !options.yes;
  if (interactive && (isCi(io.env) || !io.stdin.isTTY || !io.stdout.isTTY)) {
    throw new UserError('init asks questions, and this is not an interactive terminal.', 'Run `identity-golive init --yes` (with --privacy-policy-url / --faq-url) to write the detected defaults.');
  }
  for (const [flag, value] of [['--privacy-policy-url', options.privacyPolicyUrl], ['--faq-url', options.faqUrl], ['--deletion-url', options.deletionUrl]] as const) {
    if (value !== undefined && httpsOrEmpty(value) !== true) throw new UserError(`${flag} must be an absolute https:// URL, got "${value}".`, 'The page checks require https.');
  }
  const webhookProblem = options.webhookUrl === undefined ? true : webhookUrlOrEmpty(options.webhookUrl);
  if (webhookProblem !== true) throw new UserError(`--webhook-url "${options.webhookUrl}": ${webhookProblem}`, 'It is where `identity-golive probe` sends signed test events, e.g. http://127.0.0.1:4242/webhooks/stripe.');
  const target = path.join(cwd, CONFIG_FILE);
  const existing = existingConfig(cwd);
  const chalk = chalkFor(io);
  const prompter = interactive ? await createPrompter(io) : null;

  if (existing !== null && existing !== CONFIG_FILE) {
    throw new UserError(`A config already exists in ${path.join(cwd, existing)}; it would take precedence over ${CONFIG_FILE}.`, 'Edit that config, or remove it first.');
  }
  if (existing !== null && !options.force) {
    if (prompter === null) throw new UserError(`${target} already exists.`, 'Pass --force to overwrite it, or edit it by hand.');
    if (!(await prompter.confirm(`${CONFIG_FILE} already exists. Overwrite it?`, false))) {
      io.stderr.write('Nothing written.\n');
      return 0;
    }
  }

  const detection = await detectProject(cwd);
  io.stderr.write(describeDetection(detection));
  const answers: InitAnswers = {
    languages: detection.languages,
    privacyPolicyUrl: options.privacyPolicyUrl,
    faqUrl: options.faqUrl,
    deletionUrl: options.deletionUrl,
    webhookPath: detection.webhook?.route ?? undefined,
    webhookUrl: options.webhookUrl?.trim() || undefined,
  };
  if (prompter) {
    answers.languages = await prompter.checkbox(
      'Languages of your Stripe integration:',
      LANGUAGES.map((language) => ({ name: language, value: language, checked: detection.languages.includes(language) })),
    );
    answers.privacyPolicyUrl = (await prompter.input('Privacy policy URL (https, Enter to skip):', { default: options.privacyPolicyUrl, validate: httpsOrEmpty })).trim() || undefined;
    answers.faqUrl = (await prompter.input('Customer FAQ URL about ID verification (Enter to skip):', { default: options.faqUrl, validate: httpsOrEmpty })).trim() || undefined;
    answers.deletionUrl = (await prompter.input('Data-deletion page URL, if not in the privacy policy (Enter to skip):', { default: options.deletionUrl, validate: httpsOrEmpty })).trim() || undefined;
    answers.webhookPath = (await prompter.input('Route of your webhook handler (Enter to skip):', { default: answers.webhookPath, validate: (value) => (!value.trim() || value.trim().startsWith('/') ? true : 'A route such as /webhooks/stripe.') })).trim() || undefined;
    answers.webhookUrl = (await prompter.input('URL of that handler for `probe`: a local run (http://127.0.0.1:4242/…) or https (Enter to skip):', { default: answers.webhookUrl, validate: webhookUrlOrEmpty })).trim() || undefined;
  }

  const config = buildConfig(answers);
  validateConfig(config, target);
  await writeFileAtomic(target, `${JSON.stringify(config, null, 2)}\n`);
  io.stderr.write(`${chalk.green('Wrote')} ${target}\n\nNext:\n  identity-golive walkthrough   go through the checklist, confirming what only a person can\n  identity-golive check         the report CI runs\n`);
  return 0;
}

function describeDetection(detection: Detection): string {
  const languages = detection.languages.length > 0 ? detection.languages.map((language) => `${language} (${detection.filesByLanguage[language]} file${detection.filesByLanguage[language] === 1 ? '' : 's'})`).join(', ') : 'none found';
  const webhook = detection.webhook
    ? `signature check in ${detection.webhook.file}:${detection.webhook.line}${detection.webhook.route ? `, route ${detection.webhook.route}` : ', route not found'}`
    : 'no constructEvent-like call found';
  return `Detected: languages ${languages}; webhook ${webhook}${detection.truncated ? ' (stopped after 20000 files)' : ''}.\n`;
}
