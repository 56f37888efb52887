// Spellings shared by every language: string literals (event names, error codes), field names that
// read the same in all seven SDKs (modulo case), and where sensitive values end up (logs, stores,
// e-mails, caches). Each language table adds its own SDK calls on top of these.
import type { IdiomTable } from '../patterns.js';

const EVENT_SUFFIXES = 'created|processing|verified|requires_input|canceled|redacted';

/** A session object's `url`, in every SDK's accessor style (`.url`, `->url`, `.URL`, `.Url`, `getUrl()`, `['url']`, `[:url]`). */
const URL_ACCESS = String.raw`(?:(?:\??\.|->)(?:url|URL|Url)\b(?!\s*\()|\.getUrl\(\)|\[\s*(?::url|['"]url['"])\s*\]|\.get\(\s*['"]url['"]\s*\))`;
// Receivers spelled out per alternative so each has a literal worth prefiltering on (`vs` alone is too short).
const SESSION_URL = String.raw`(?:(?:[sS]ession|[vV]erification)\w*${URL_ACCESS}|\bvs\.(?:url|URL|Url|getUrl\(\))|\bvs\[\s*['"]url['"]\s*\]|\$vs->url\b)`;
const CLIENT_SECRET = String.raw`\b(?:client_secret|clientSecret|ClientSecret|getClientSecret)\b`;
const VERIFIED_DATA = String.raw`\b(?:verified_outputs|VerifiedOutputs|verifiedOutputs|getVerifiedOutputs|last_verification_report|LastVerificationReport|lastVerificationReport|getLastVerificationReport)\b`;
const SENSITIVE = `(${SESSION_URL}|${CLIENT_SECRET}|${VERIFIED_DATA})`;

/** Objects built to answer the request (a DTO, a response map) are not storage. */
const NOT_A_RESPONSE = String.raw`(?<!\bres|\bresp|\bresponse|\bResponse|\bdto|\bDto|\bbody|\bresult|\bpayload|\bout|\bjson|\breply)`;

/** The arguments of a call, up to three levels of nested parentheses. */
const ARGS = String.raw`\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*?`;

const LOG_CALL = String.raw`(?:\bconsole\.(?:log|info|warn|error|debug|trace)|\b(?:logger|log|logging|Log|LOG|_logger|_log|slog|Logger|LOGGER)(?:\.|::|->)\w+|\b(?:Rails|app|this|self|current_app)\.(?:logger|log)\.\w+|\bprint(?:ln|f)?|\bputs|\berror_log|\bvar_dump|\bprint_r|\bSystem\.(?:out|err)\.print\w*|\bConsole\.Write\w*|\bfmt\.(?:Print|Fprint)\w*|\bDebug\.Write\w*|\bTrace\.Write\w*)\s*`;
// Receivers whose `.create(` builds a value, not a record.
const STORE_CALL = String.raw`(?<!\bURI|\bUri|\bURL|\bUrl|\bObject|\bPath|\bPaths|\bFile|\bFiles|\bPattern|\bIntent|\bCalendar)\.(?:save\w*|insert\w*|update\w*|upsert\w*|create|create!|update!|persist|store|Save\w*|Insert\w*|Update\w*|Add|AddAsync|Attach)\s*`;
const MAIL_CALL = String.raw`\b(?:sendMail|send_mail|sendEmail|send_email|SendEmail|SendEmailAsync|SendMail|SendMailAsync|mail|deliver_now|deliver_later|sgMail\.send|mailer\.send\w*|Mail::send|Mail::to|transporter\.sendMail|ses\.send\w*)\s*`;
const CACHE_CALL = String.raw`(?:[cC]ache|[rR]edis\w*|\brdb|[mM]emcache\w*|\bkv|\bKV|localStorage|sessionStorage)(?:\.|::|->)(?:set\w*|put|write|hset|hmset|setex|add|Set\w*|Add\w*|store|Store)\s*`;

const re = (source: string, flags = ''): RegExp => new RegExp(source, flags);

export const COMMON: IdiomTable = {
  'session.url': [re(SESSION_URL)],
  'session.client-secret': [re(String.raw`(?:[sS]ession|\bvs|\bVS|[vV]erification)\w*(?:\??\.|->)(?:client_secret|ClientSecret|clientSecret)\b|\.getClientSecret\(\)|\[\s*(?::client_secret|['"]client_secret['"])\s*\]`)],
  'expand.sensitive': [
    re(String.raw`\b(?:expand|Expand|AddExpand|addExpand|addAllExpand)\b[\s\S]{0,160}?['"]((?:data\.object\.)?verified_outputs(?:\.[\w.]+)?)['"]`),
    re(String.raw`\b(?:expand|Expand|AddExpand|addExpand|addAllExpand)\b[\s\S]{0,160}?['"]((?:data\.object\.)?last_verification_report(?:\.[\w.]+)?)['"]`),
  ],
  'sink.log': [re(`${LOG_CALL}[^\\n;]*?${SENSITIVE}`)],
  'sink.store': [
    re(`${STORE_CALL}${ARGS}${SENSITIVE}`),
    re(String.raw`\b(?:INSERT\s+INTO|UPDATE\s+\w+\s+SET)\b[^;]{0,300}?` + SENSITIVE, 'i'),
    // A model field named for the link or secret, assigned from the session: `user.verification_url = session.url`.
    re(String.raw`${NOT_A_RESPONSE}(?:\.|->)\w*(?:[uU]rl|URL|[lL]ink|client_?[sS]ecret|ClientSecret)\w*['"]?\]?\s*=(?!=)\s*[^\n;]*?` + `(${SESSION_URL}|${CLIENT_SECRET})`),
    re(String.raw`${NOT_A_RESPONSE}\.set\w*(?:Url|Link|ClientSecret)\s*\(\s*[^\n;]*?` + `(${SESSION_URL}|${CLIENT_SECRET})`),
    // Verified data copied onto a model: `user.dob = session.verified_outputs.dob`.
    re(String.raw`(?:\.|->)\w+['"]?\]?\s*=(?!=)\s*[^\n;]*?(${VERIFIED_DATA})`),
  ],
  'sink.email': [re(`${MAIL_CALL}${ARGS}${SENSITIVE}`), re(`\\b\\w*Mailer\\b[^\\n;]*?${SENSITIVE}`)],
  'sink.cache': [re(`${CACHE_CALL}${ARGS}${SENSITIVE}`)],
  // REST integrations pin the version per request.
  'client.api-version': [
    /['"]Stripe-Version['"]\s*(?:=>|:|,)\s*['"]([^'"]+)['"]/i,
    // A named constant (`STRIPE_VERSION`, `self::VERSION`): pinned where the constant is defined.
    /['"]Stripe-Version['"]\s*(?:=>|:|,)\s*((?:self::|static::|[A-Za-z_]\w*(?:\.|::))?[A-Z][A-Z0-9_]{2,})\b/i,
  ],
  'event.dispatch': [
    /(?:[eE]vent|\bevt|EVENT)\w*(?:\??\.|->)(?:type|Type|getType\(\))(?!\w)/,
    /(?:[eE]vent|\bevt)\w*\[\s*(?::type|['"]type['"])\s*\]/,
    /(?:[eE]vent|\bevt)\w*\.get\(\s*['"]type['"]/,
  ],
  'event.name': [re(String.raw`['"\`](?:v1\.)?identity\.verification_session\.(${EVENT_SUFFIXES})['"\`]`)],
  'event.prefix': [/identity\.verification_session\.?(?:['"`]|\$\{|#\{|\{)/],
  'event.suffix': [re(String.raw`(?:['"\`]\.?|\}\.?)(${EVENT_SUFFIXES})['"\`]`)],
  'event.registration': [/\b(?:enabled_events|enabledEvents|EnabledEvents|setEnabledEvents|addEnabledEvent|addAllEnabledEvent)\b/],
  'last-error.read': [/\b(?:last_error|LastError|lastError|getLastError)\b/],
  'last-error.fallback-code': [/\b(consent_declined|under_supported_age|device_not_supported|country_not_supported)\b/],
  'attempts.counter': [/(?:[aA]ttempts?|ATTEMPTS?)/, /\bmax_?\w*(?:tries|retries|sessions|Tries|Retries|Sessions)\b/i],
};
