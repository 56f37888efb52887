import rule from './webhook-signature-verified.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { failure } from '../test/support/facts.js';
import { code, sourceOf } from '../test/support/source.js';

/**
 * The handlers under test belong to an Identity integration: a production file creates sessions
 * (without one, the rule ends in error: issue #11, "no integration found is not a verdict").
 */
const SESSIONS = { 'server/create.js': "await stripe.identity.verificationSessions.create({ type: 'document' });\n" };

/** A finding's exact position, as the JSON report renders it. */
const loc = (file: string, line: number, column: number): string => JSON.stringify({ file, line, column });

const nodeGood = code`
  app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
    let event;
    try {
      event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
    } catch (err) {
      return res.status(400).send('bad signature');
    }
    switch (event.type) {}
  });
`;

ruleTester(rule, [
  { name: 'node: verified, error answered with 400', artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'src/webhook.js': nodeGood }) }, status: 'pass', messageIds: ['verified'], mentions: ['src/webhook.js:4'] },
  {
    name: 'python: construct_event in try, except returns 400',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'app.py': code`
          @app.route("/webhook", methods=["POST"])
          def webhook():
              try:
                  event = stripe.Webhook.construct_event(request.data, request.headers["Stripe-Signature"], endpoint_secret)
              except ValueError:
                  return "", 400
              except stripe.error.SignatureVerificationError:
                  return "", 400
              return "", 200
        `,
      }),
    },
    status: 'pass',
  },
  {
    name: 'python: the unsigned fallback when the secret is unset',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'app.py': code`
          def webhook():
              event = json.loads(payload)
              if endpoint_secret:
                  try:
                      event = stripe.Webhook.construct_event(payload, sig_header, endpoint_secret)
                  except stripe.error.SignatureVerificationError:
                      return jsonify(success=False), 400
              if event["type"] == "identity.verification_session.verified":
                  pass
        `,
      }),
    },
    status: 'fail',
    messageIds: ['unverifiedFallback'],
    mentions: ['app.py:2'],
  },
  {
    // The model judges paths inside the handler: the fallback sits where real code has it (issue #11 §1).
    name: 'node: JSON.parse fallback',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'webhook.ts': code`
          app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
            let event;
            if (secret) {
              event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
            } else {
              event = JSON.parse(req.body);
            }
            switch (event.type) {}
          });
        `,
      }),
    },
    status: 'fail',
    messageIds: ['unverifiedFallback'],
    mentions: ['webhook.ts:6', 'verification runs only when'],
  },
  {
    name: 'node: catch logs and carries on',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'webhook.js': nodeGood.replace("return res.status(400).send('bad signature');", 'console.log(err.message);') }) },
    status: 'fail',
    messageIds: ['errorSwallowed'],
  },
  {
    name: 'php: tolerance of 0',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'webhook.php': "<?php\ntry {\n  $event = \\Stripe\\Webhook::constructEvent($payload, $sig, $secret, 0);\n} catch (\\Stripe\\Exception\\SignatureVerificationException $e) {\n  http_response_code(400);\n  exit();\n}\n" }) },
    status: 'fail',
    messageIds: ['toleranceZero'],
  },
  {
    name: 'ruby: tolerance: 0 and rescue nil',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'app.rb': "event = Stripe::Webhook.construct_event(payload, sig, secret, tolerance: 0) rescue nil\n" }) },
    status: 'fail',
    messageIds: ['toleranceZero', 'errorSwallowed'],
  },
  {
    name: 'go: ignoring tolerance, err not returned',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'main.go': code`
          event, err := webhook.ConstructEventIgnoringTolerance(payload, r.Header.Get("Stripe-Signature"), secret)
          if err != nil {
          	log.Printf("bad signature: %v", err)
          }
        `,
      }),
    },
    status: 'fail',
    messageIds: ['toleranceZero', 'errorSwallowed'],
  },
  {
    name: 'php: constructEventWithoutVerification alone',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'hook.php': '<?php $event = \\Stripe\\Webhook::constructEventWithoutVerification($payload);' }) },
    status: 'fail',
    messageIds: ['noVerification', 'withoutVerification'],
  },
  {
    name: 'node: verifying a re-serialised body',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'hook.js': nodeGood.replace('constructEvent(req.body', 'constructEvent(JSON.stringify(req.body)') }) },
    status: 'fail',
    messageIds: ['notRawBody'],
  },
  {
    name: 'commented-out verification is not evidence',
    // A handler is judged when it is Stripe's (issue #11 §4): here it dispatches on an Identity event type.
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'hook.js': "// event = stripe.webhooks.constructEvent(req.body, sig, secret);\nconst event = req.body;\nswitch (event.type) { case 'identity.verification_session.verified': break; }\n" }) },
    status: 'fail',
    messageIds: ['noVerification', 'unverifiedFallback'],
  },
  {
    name: 'verification only in a test',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'test/webhook.test.js': nodeGood }) },
    status: 'fail',
    messageIds: ['onlyInTests'],
  },
  {
    name: 'java: catch returns 400',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'src/main/java/Hook.java': code`
          try {
            event = Webhook.constructEvent(payload, sigHeader, endpointSecret);
          } catch (SignatureVerificationException e) {
            response.status(400);
            return "";
          }
        `,
      }),
    },
    status: 'pass',
  },
  {
    name: '.NET: catch swallows',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'Hook.cs': code`
          try {
            var stripeEvent = EventUtility.ConstructEvent(json, Request.Headers["Stripe-Signature"], secret);
          } catch (StripeException e) {
            _logger.LogWarning(e.Message);
          }
        `,
      }),
    },
    status: 'fail',
    messageIds: ['errorSwallowed'],
  },
  {
    name: 'python: except that only logs, at the very end of the file (no final newline)',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'hook.py': 'try:\n    event = stripe.Webhook.construct_event(payload, sig, secret)\nexcept stripe.error.SignatureVerificationError as e:\n    logger.warning("bad signature %s", e)' }) },
    status: 'fail',
    messageIds: ['errorSwallowed'],
  },
  {
    name: "go: Stripe's sample parses first, then always verifies",
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'hook.go': 'event := stripe.Event{}\nif err := json.Unmarshal(payload, &event); err != nil {\n\tw.WriteHeader(http.StatusBadRequest)\n\treturn\n}\nevent, err = webhook.ConstructEvent(payload, req.Header.Get("Stripe-Signature"), endpointSecret)\nif err != nil {\n\tw.WriteHeader(http.StatusBadRequest)\n\treturn\n}\nswitch event.Type {}\n',
      }),
    },
    status: 'pass',
  },
  {
    name: 'java: fromJson fallback when the secret is null',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'Hook.java': 'Event event = ApiResource.GSON.fromJson(payload, Event.class);\nif (endpointSecret != null && sigHeader != null) {\n  try {\n    event = Webhook.constructEvent(payload, sigHeader, endpointSecret);\n  } catch (SignatureVerificationException e) {\n    response.status(400);\n    return "";\n  }\n}\n',
      }),
    },
    status: 'fail',
    messageIds: ['unverifiedFallback'],
  },
  {
    name: 'node: a swallowing catch with nested braces',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'hook.ts': nodeGood.replace("return res.status(400).send('bad signature');", 'logger.warn({ err }, `bad signature ${err.message}`);') }) },
    status: 'fail',
    messageIds: ['errorSwallowed'],
  },
  // ---- issue #11 §1: verification only when the secret is set, else the body is trusted ----
  {
    name: 'node §1: verify only when the secret is set, else trust req.body',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'server.js': code`
          app.post('/webhook', express.raw({ type: 'application/json' }), async (req, res) => {
            let data, eventType;
            if (process.env.STRIPE_WEBHOOK_SECRET) {
              const event = stripe.webhooks.constructEvent(req.rawBody, req.headers['stripe-signature'], process.env.STRIPE_WEBHOOK_SECRET);
              data = event.data; eventType = event.type;
            } else {
              data = req.body.data; eventType = req.body.type;
            }
            if (eventType === 'identity.verification_session.verified') markVerified(data.object);
            res.sendStatus(200);
          });
        `,
      }),
    },
    status: 'fail',
    messageIds: ['unverifiedFallback', 'unverifiedFallback'],
    mentions: [loc('server.js', 7, 5), loc('server.js', 7, 27), 'process.env.STRIPE_WEBHOOK_SECRET'],
  },
  {
    name: "python §1: Stripe's sample shape, request_data used when no secret is configured",
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'server.py': code`
          @app.route('/webhook', methods=['POST'])
          def webhook_received():
              webhook_secret = os.getenv('STRIPE_WEBHOOK_SECRET')
              request_data = json.loads(request.data)
              if webhook_secret:
                  signature = request.headers.get('stripe-signature')
                  try:
                      event = stripe.Webhook.construct_event(payload=request.data, sig_header=signature, secret=webhook_secret)
                      data = event['data']
                  except Exception as e:
                      return e
                  event_type = event['type']
              else:
                  data = request_data['data']
                  event_type = request_data['type']
              if event_type == 'identity.verification_session.verified':
                  print('verified')
              return jsonify({'status': 'success'})
        `,
      }),
    },
    status: 'fail',
    messageIds: ['unverifiedFallback', 'unverifiedFallback', 'unverifiedFallback'],
    mentions: [loc('server.py', 4, 5), loc('server.py', 14, 9), loc('server.py', 15, 9)],
  },
  {
    name: 'ruby §1: JSON.parse of the payload in the else branch',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'server.rb': code`
          post '/webhook' do
            payload = request.body.read
            if webhook_secret
              sig_header = request.env['HTTP_STRIPE_SIGNATURE']
              begin
                event = Stripe::Webhook.construct_event(payload, sig_header, webhook_secret)
              rescue Stripe::SignatureVerificationError => e
                halt 400
              end
            else
              data = JSON.parse(payload, symbolize_names: true)
              event = Stripe::Event.construct_from(data)
            end
            status 200
          end
        `,
      }),
    },
    status: 'fail',
    messageIds: ['unverifiedFallback', 'unverifiedFallback'],
    mentions: [loc('server.rb', 11, 5), loc('server.rb', 12, 5)],
  },
  {
    name: 'next.js app router §1: the body is parsed when the secret is unset',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'app/api/webhook/route.ts': code`
          export async function POST(req: Request) {
            const body = await req.text();
            let event: Stripe.Event;
            if (webhookSecret) {
              event = stripe.webhooks.constructEvent(body, req.headers.get('stripe-signature')!, webhookSecret);
            } else {
              event = JSON.parse(body);
            }
            return Response.json({ received: true });
          }
        `,
      }),
    },
    status: 'fail',
    messageIds: ['unverifiedFallback'],
    mentions: [loc('app/api/webhook/route.ts', 7, 5)],
  },
  {
    name: 'node: a test-mode flag skips verification',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'hook.js': code`
          app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
            let event = JSON.parse(req.body);
            if (process.env.NODE_ENV === 'production') {
              event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
            }
            handle(event);
          });
        `,
      }),
    },
    status: 'fail',
    messageIds: ['unverifiedFallback'],
    mentions: [loc('hook.js', 2, 7), "process.env.NODE_ENV === 'production'"],
  },
  {
    name: 'node: a signature failure answered with 200, and processing goes on',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'hook.js': code`
          app.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
            let event;
            try {
              event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
            } catch (err) {
              res.status(200).json({ received: true });
            }
            handle(event);
          });
        `,
      }),
    },
    status: 'fail',
    messageIds: ['errorSwallowed'],
    mentions: [loc('hook.js', 5, 5), 'and answers 2xx'],
  },
  {
    name: 'node: app.use(express.json()) before the webhook route: the raw body is gone',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'app.js': code`
          const app = express();
          app.use(express.json());
          app.post('/webhook', (req, res) => {
            let event;
            try {
              event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
            } catch (err) {
              return res.status(400).end();
            }
            res.json({ received: true });
          });
        `,
      }),
    },
    status: 'fail',
    messageIds: ['jsonParserFirst'],
    mentions: [loc('app.js', 2, 1)],
  },
  {
    name: 'node: bodyParser.json() mounted after the raw webhook route is fine',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'app.js': code`
          app.post('/webhook', bodyParser.raw({ type: 'application/json' }), webhookHandler);
          app.use(bodyParser.json());
          function webhookHandler(req, res) {
            let event;
            try {
              event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
            } catch (err) {
              return res.status(400).end();
            }
            res.json({ received: true });
          }
        `,
      }),
    },
    status: 'pass',
  },
  {
    name: 'node: bodyParser.json() before a named handler route',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'app.js': code`
          app.use(bodyParser.json());
          app.post('/webhook', webhookHandler);
          function webhookHandler(req, res) {
            const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
            res.json({ received: true });
          }
        `,
      }),
    },
    status: 'fail',
    messageIds: ['jsonParserFirst'],
    mentions: [loc('app.js', 1, 1)],
  },
  {
    name: 'node: express.json({ verify }) keeps the raw bytes for constructEvent(req.rawBody)',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'app.js': code`
          app.use(express.json({ verify: (req, res, buf) => { req.rawBody = buf; } }));
          app.post('/webhook', (req, res) => {
            const event = stripe.webhooks.constructEvent(req.rawBody, req.headers['stripe-signature'], secret);
            res.json({ received: true });
          });
        `,
      }),
    },
    status: 'pass',
  },
  {
    name: 'next.js pages router without bodyParser: false',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'pages/api/webhook.ts': code`
          export default async function handler(req, res) {
            const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
            res.json({ received: true });
          }
        `,
      }),
    },
    status: 'fail',
    messageIds: ['jsonParserFirst'],
    mentions: [loc('pages/api/webhook.ts', 2, 48)],
  },
  // ---- issue #11 §3: verification by hand ----
  {
    name: 'node §3: manual HMAC-SHA256 over t.rawBody, timingSafeEqual and a tolerance: pass',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'verify.ts': code`
          export function handle(req, res) {
            const header = req.headers['stripe-signature'];
            const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=')));
            const expected = crypto.createHmac('sha256', secret).update(parts.t + '.' + req.rawBody).digest('hex');
            if (Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return res.status(400).end();
            if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1))) return res.status(400).end();
            res.status(200).end();
          }
        `,
      }),
    },
    status: 'pass',
    mentions: ['verify.ts:4'],
  },
  {
    name: 'php §3: hash_hmac, hash_equals and time(): pass',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'webhook.php': code`
          <?php
          $payload = file_get_contents('php://input');
          $header = $_SERVER['HTTP_STRIPE_SIGNATURE'];
          $expected = hash_hmac('sha256', $t . '.' . $payload, $secret);
          if (abs(time() - (int) $t) > 300 || !hash_equals($expected, $v1)) { http_response_code(400); exit(); }
        `,
      }),
    },
    status: 'pass',
  },
  {
    name: 'python §3: == compare and no timestamp check',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'hook.py': code`
          def stripe_hook(request):
              sig = request.headers['Stripe-Signature']
              expected = hmac.new(secret.encode(), f"{t}.{payload}".encode(), hashlib.sha256).hexdigest()
              if expected != v1:
                  return HttpResponse(status=400)
              return HttpResponse(status=200)
        `,
      }),
    },
    status: 'fail',
    messageIds: ['timingUnsafe', 'noTimestamp'],
    mentions: [loc('hook.py', 4, 8), loc('hook.py', 3, 16)],
  },
  // ---- issue #11 §4: another provider's webhook is not Stripe's ----
  {
    name: "python §4: a chargeback provider's unsigned webhook beside a verified Stripe one",
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'chargebacks.py': code`
          def chargeback_webhook(raw_body):
              event = json.loads(raw_body)
              if event['type'] == 'chargeback.created':
                  open_case(event)
        `,
        'stripe_hook.py': code`
          def stripe_webhook():
              try:
                  event = stripe.Webhook.construct_event(request.data, request.headers['Stripe-Signature'], secret)
              except stripe.error.SignatureVerificationError:
                  return '', 400
              return '', 200
        `,
      }),
    },
    status: 'pass',
  },
  // ---- the mistakes real projects make ----
  {
    name: "node: the secret falls back to ''",
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'hook.js': `const secret = process.env.STRIPE_WEBHOOK_SECRET || '';\n${nodeGood}` }) },
    status: 'fail',
    messageIds: ['emptySecret'],
    mentions: [loc('hook.js', 1, 7)],
  },
  {
    name: "python: os.environ.get(..., '') as the secret",
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'hook.py': code`
          endpoint_secret = os.environ.get('STRIPE_WEBHOOK_SECRET', '')
          def webhook():
              try:
                  event = stripe.Webhook.construct_event(request.data, request.headers['Stripe-Signature'], endpoint_secret)
              except ValueError:
                  return '', 400
              return '', 200
        `,
      }),
    },
    status: 'fail',
    messageIds: ['emptySecret'],
    mentions: [loc('hook.py', 1, 1)],
  },
  {
    name: "c#: ?? string.Empty as the secret",
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'Hook.cs': code`
          public class Hook : ControllerBase {
            private readonly string _secret = Environment.GetEnvironmentVariable("STRIPE_WEBHOOK_SECRET") ?? string.Empty;
            public async Task<IActionResult> Post() {
              var json = await new StreamReader(HttpContext.Request.Body).ReadToEndAsync();
              try {
                var stripeEvent = EventUtility.ConstructEvent(json, Request.Headers["Stripe-Signature"], _secret);
              } catch (StripeException) {
                return BadRequest();
              }
              return Ok();
            }
          }
        `,
      }),
    },
    status: 'fail',
    messageIds: ['emptySecret'],
  },
  {
    name: 'node: tolerance of a day',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'hook.js': nodeGood.replace('], secret)', '], secret, 86400)') }) },
    status: 'fail',
    messageIds: ['toleranceTooLarge'],
    mentions: ['86400 s'],
  },
  {
    name: 'node: the secret logged',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'hook.js': `console.log('using secret', endpointSecret);\n${nodeGood.replace('], secret)', '], endpointSecret)')}` }) },
    status: 'fail',
    messageIds: ['secretLogged'],
    mentions: [loc('hook.js', 1, 1)],
    never: ['whsec_'],
  },
  {
    name: "node: a message naming the secret's variable is not the secret",
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'hook.js': `if (!endpointSecret) console.error('STRIPE_WEBHOOK_SECRET is not set');\n${nodeGood.replace('], secret)', '], endpointSecret)')}` }) },
    status: 'pass',
  },
  {
    name: 'python: the order is saved before the signature is checked',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'hook.py': code`
          def webhook():
              WebhookLog.objects.create(body=request.body)
              log_entry.save()
              try:
                  event = stripe.Webhook.construct_event(request.body, request.META['HTTP_STRIPE_SIGNATURE'], secret)
              except ValueError:
                  return HttpResponse(status=400)
              return HttpResponse(status=200)
        `,
      }),
    },
    status: 'fail',
    messageIds: ['sideEffectFirst', 'sideEffectFirst'],
    mentions: [loc('hook.py', 2, 5), loc('hook.py', 3, 5)],
  },
  {
    name: 'go: the error discarded',
    artifacts: { Source: await sourceOf(rule, { ...SESSIONS, 'main.go': 'package main\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tevent, _ := webhook.ConstructEvent(payload, r.Header.Get("Stripe-Signature"), secret)\n\thandle(event)\n}\n' }) },
    status: 'fail',
    messageIds: ['errorSwallowed'],
    mentions: [loc('main.go', 3, 2)],
  },
  {
    name: 'go: http.Error and return',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'main.go': 'package main\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tevent, err := webhook.ConstructEvent(payload, r.Header.Get("Stripe-Signature"), secret)\n\tif err != nil {\n\t\thttp.Error(w, "bad", http.StatusBadRequest)\n\t\treturn\n\t}\n\thandle(event)\n}\n',
      }),
    },
    status: 'pass',
  },
  {
    name: 'ruby: halt 400 in the rescue',
    artifacts: {
      Source: await sourceOf(rule, { ...SESSIONS,
        'app.rb': code`
          post '/webhook' do
            begin
              event = Stripe::Webhook.construct_event(request.body.read, request.env['HTTP_STRIPE_SIGNATURE'], secret)
            rescue Stripe::SignatureVerificationError
              halt 400
            end
            status 200
          end
        `,
      }),
    },
    status: 'pass',
  },
  // No integration is not a verdict (issue #11): the code rules end in error, saying what was scanned.
  { name: 'nothing at all', artifacts: { Source: await sourceOf(rule, { 'README.md': '# app' }) }, status: 'error', messageIds: ['noIntegration'], mentions: ['no source files of the seven SDK languages'] },
  {
    // A Stripe webhook for Checkout alone is no Identity integration.
    name: 'a verified Checkout webhook, no Identity code',
    artifacts: { Source: await sourceOf(rule, { 'hook.js': nodeGood }) },
    status: 'error',
    messageIds: ['noIntegration'],
  },
  { name: 'sessions created, no webhook handler', artifacts: { Source: await sourceOf(rule, { ...SESSIONS }) }, status: 'fail', messageIds: ['noVerification'] },
  { name: 'unreadable project', artifacts: { Source: failure('io') }, status: 'error' },
]);
