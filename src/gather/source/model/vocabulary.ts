// The names the model engine recognises: callee names (last segment of the callee), receivers and
// short text markers. Data, shared by the seven languages where SDKs spell them alike; each entry
// says which SDK it comes from.

/** Stripe's verifiers (stripe-node, -python, -ruby, -php, -go, -java, -dotnet). */
export const VERIFIERS = new Set([
  'constructEvent', 'constructEventAsync', 'verifyHeader', 'verifyHeaderAsync', // node, php, java
  'construct_event', 'verify_header', 'verify_signature_header', // python, ruby
  'ConstructEvent', 'ConstructEventWithOptions', 'ConstructEventWithTolerance', 'ConstructEventIgnoringTolerance', 'ValidatePayload', 'ValidatePayloadWithTolerance', 'ValidatePayloadIgnoringTolerance', // go, dotnet
  'ValidateSignature', // dotnet
]);
/** Verifier receivers must look like Stripe's (another library may have a `constructEvent`). */
export const VERIFIER_RECEIVER_MARKERS = ['stripe', 'webhook', 'eventutility', 'signature'];
/** Verifiers that never check the timestamp. */
export const IGNORING_TOLERANCE = new Set(['ConstructEventIgnoringTolerance', 'ValidatePayloadIgnoringTolerance']);
/** Where each SDK's verifier takes its tolerance positionally (0-based), if it does. */
export const TOLERANCE_POSITION = 3;
export const SECRET_POSITION = 2;

export const WITHOUT_VERIFICATION = new Set(['constructEventWithoutVerification', 'construct_event_without_verification', 'ConstructEventWithoutVerification', 'ParseEvent']);

/** Markers (lower case) of text that reads or parses the request body. */
export const BODY_MARKERS = [
  'req.body', 'request.body', 'req.rawbody', 'ctx.request.body', '.json()', 'json.parse(', // node
  'json.loads(', 'request.json', 'request.get_json(', 'request.data', 'request_data', 'request.get_data(', // python
  'params[', 'request.body.read', 'request.raw_post', // ruby
  'json_decode(', 'php://input', '->getcontent(', '->all()', '->json(', // php
  'json.unmarshal(', 'json.newdecoder(', // go
  '.fromjson(', '.readvalue(', // java
  'deserializeobject', 'jsonserializer.deserialize', 'readasstringasync', // dotnet
  'constructfrom(', 'construct_from(', // the SDKs' unverified builders
];
/** Names that an event (or its parts) is bound to. */
export const EVENTISH = /^[$@]?(?:stripe_?)?(?:event|evt|data|event_?type|event_?data|type|webhook_?event|payload_?data|body_?data|request_?data|obj|object)$/i;

/** Markers (lower case) of a body that was parsed, then re-serialised, before verification. */
export const PARSED_BODY_MARKERS = [
  'json.stringify(', 'json.dumps(', 'request.json', 'request.get_json(', 'to_json', 'json.generate(', 'json_encode(', 'json.marshal(',
  'tojson(', 'writevalueasstring(', 'jsonserializer.serialize(', 'serializeobject(', '.json()', '->all()', 'request.params',
];

/** The signature header, in every framework's spelling (lower case). */
export const SIGNATURE_HEADER_MARKERS = ['stripe-signature', 'http_stripe_signature', 'stripe_signature'];

export const IDENTITY_EVENT_PREFIX = 'identity.verification_session.';

/** A JSON body parser mounted before the webhook route (Express, Connect). */
export const JSON_PARSERS = ['express.json(', 'bodyparser.json(', 'json('];
export const MOUNTS = new Set(['use']);
export const ROUTE_METHODS = new Set(['post', 'all', 'put', 'route', 'use']);

/** Log calls, by last callee segment (with the receivers that make a generic name a logger). */
export const LOG_CALLEES = new Set([
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'critical', 'exception', // console, logger, logging
  'print', 'println', 'printf', 'Printf', 'Println', 'Print', 'puts', 'p', 'error_log', 'var_dump', 'print_r',
  'LogInformation', 'LogWarning', 'LogError', 'LogDebug', 'WriteLine', 'Write', 'Infof', 'Errorf', 'Warnf', 'Debugf',
]);
export const LOGGER_RECEIVERS = ['console', 'log', 'logger', 'logging', 'slog', 'rails', 'system.out', 'system.err', 'console.', 'fmt', 'debug', 'trace'];

/** Calls that change the world (storage, mail, fulfilment), by last callee segment. */
export const SIDE_EFFECTS = new Set([
  'save', 'save!', 'insert', 'insertOne', 'insert_one', 'update', 'update!', 'updateOne', 'update_one', 'upsert', 'persist', 'execute', 'query',
  'SaveChanges', 'SaveChangesAsync', 'Add', 'AddAsync', 'Exec', 'ExecContext', 'deliver_now', 'deliver_later', 'perform_later', 'perform_async', 'enqueue',
  'create', 'create!', 'find_or_create_by', 'find_or_create_by!', 'update_all', 'update_column', 'update_columns', 'insert_all', 'upsert_all', 'destroy', 'destroy_all', 'delete_all', 'increment!',
  'updateMany', 'insertMany', 'findOneAndUpdate', 'findByIdAndUpdate', 'deleteOne', 'deleteMany', 'bulk_create', 'get_or_create', 'update_or_create',
  'sendMail', 'send_mail', 'sendEmail', 'send_email', 'SendEmail', 'SendEmailAsync', 'fulfill', 'fulfil', 'fulfillOrder', 'fulfill_order', 'publish', 'commit',
]);

/** Hand-rolled HMAC-SHA256 (lower-case markers of the call text). */
export const HMAC_MARKERS = ['createhmac(', 'hmac.new(', 'hash_hmac(', 'openssl::hmac', 'hmac.new(sha256', 'hmac.new(sha256.new', 'hmacsha256', 'mac.getinstance(', 'hmac.digest(', 'hmac_sha256', "'hmac'", '"hmac"', 'hmac-sha256'];
export const CONSTANT_TIME = new Set(['timingSafeEqual', 'compare_digest', 'hash_equals', 'secure_compare', 'fixed_length_secure_compare', 'Equal', 'ConstantTimeCompare', 'isEqual', 'FixedTimeEquals']);
/** Reads of the clock (a timestamp check needs one). */
export const CLOCK_MARKERS = ['date.now(', 'new date(', 'time.time(', 'time()', 'time.now', 'time.current', 'time.since(', 'currenttimemillis(', 'instant.now(', 'utcnow', 'datetime.now(', 'datetime.utcnow(', 'epochsecond', 'tounixtimeseconds(', 'carbon::now(', 'now()'];

/** Whole-object sinks: storage and cache writes, by last callee segment and (for caches) receiver. */
export const STORE_CALLEES = new Set(['save', 'save!', 'insert', 'insertOne', 'insert_one', 'create', 'create!', 'add', 'Add', 'AddAsync', 'persist', 'store', 'put', 'write', 'Save', 'Insert', 'InsertOne', 'InsertOneAsync']);
export const CACHE_CALLEES = new Set(['set', 'setex', 'hset', 'hmset', 'put', 'Set', 'SetString', 'SetStringAsync', 'SetAsync', 'write', 'add']);
export const CACHE_RECEIVERS = ['redis', 'cache', 'memcache', 'kv', 'rdb', 'localstorage', 'sessionstorage'];
/** Calls that return a VerificationSession (create, retrieve, in every SDK's spelling). */
export const SESSION_CALLS = new Set(['create', 'create_async', 'retrieve', 'retrieve_async', 'Create', 'CreateAsync', 'Get', 'GetAsync', 'New', 'Retrieve']);
/** last_error codes that call for another path (consent declined, too young, device or country unsupported). */
export const FALLBACK_CODES = ['consent_declined', 'under_supported_age', 'device_not_supported', 'country_not_supported'];
/** Statements that do nothing. */
export const NO_OP_STATEMENTS = ['break_statement', 'break', 'pass_statement', 'empty_statement', 'fallthrough_statement'];
