import rule from './webhook-signature-verified.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { failure } from '../test/support/facts.js';
import { code, sourceOf } from '../test/support/source.js';

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
  { name: 'node: verified, error answered with 400', artifacts: { Source: await sourceOf(rule, { 'src/webhook.js': nodeGood }) }, status: 'pass', messageIds: ['verified'], mentions: ['src/webhook.js:4'] },
  {
    name: 'python: construct_event in try, except returns 400',
    artifacts: {
      Source: await sourceOf(rule, {
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
      Source: await sourceOf(rule, {
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
      Source: await sourceOf(rule, {
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
    artifacts: { Source: await sourceOf(rule, { 'webhook.js': nodeGood.replace("return res.status(400).send('bad signature');", 'console.log(err.message);') }) },
    status: 'fail',
    messageIds: ['errorSwallowed'],
  },
  {
    name: 'php: tolerance of 0',
    artifacts: { Source: await sourceOf(rule, { 'webhook.php': "<?php\ntry {\n  $event = \\Stripe\\Webhook::constructEvent($payload, $sig, $secret, 0);\n} catch (\\Stripe\\Exception\\SignatureVerificationException $e) {\n  http_response_code(400);\n  exit();\n}\n" }) },
    status: 'fail',
    messageIds: ['toleranceZero'],
  },
  {
    name: 'ruby: tolerance: 0 and rescue nil',
    artifacts: { Source: await sourceOf(rule, { 'app.rb': "event = Stripe::Webhook.construct_event(payload, sig, secret, tolerance: 0) rescue nil\n" }) },
    status: 'fail',
    messageIds: ['toleranceZero', 'errorSwallowed'],
  },
  {
    name: 'go: ignoring tolerance, err not returned',
    artifacts: {
      Source: await sourceOf(rule, {
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
    artifacts: { Source: await sourceOf(rule, { 'hook.php': '<?php $event = \\Stripe\\Webhook::constructEventWithoutVerification($payload);' }) },
    status: 'fail',
    messageIds: ['noVerification', 'withoutVerification'],
  },
  {
    name: 'node: verifying a re-serialised body',
    artifacts: { Source: await sourceOf(rule, { 'hook.js': nodeGood.replace('constructEvent(req.body', 'constructEvent(JSON.stringify(req.body)') }) },
    status: 'fail',
    messageIds: ['notRawBody'],
  },
  {
    name: 'commented-out verification is not evidence',
    // A handler is judged when it is Stripe's (issue #11 §4): here it dispatches on an Identity event type.
    artifacts: { Source: await sourceOf(rule, { 'hook.js': "// event = stripe.webhooks.constructEvent(req.body, sig, secret);\nconst event = req.body;\nswitch (event.type) { case 'identity.verification_session.verified': break; }\n" }) },
    status: 'fail',
    messageIds: ['noVerification', 'unverifiedFallback'],
  },
  {
    name: 'verification only in a test',
    artifacts: { Source: await sourceOf(rule, { 'test/webhook.test.js': nodeGood }) },
    status: 'fail',
    messageIds: ['onlyInTests'],
  },
  {
    name: 'java: catch returns 400',
    artifacts: {
      Source: await sourceOf(rule, {
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
      Source: await sourceOf(rule, {
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
    artifacts: { Source: await sourceOf(rule, { 'hook.py': 'try:\n    event = stripe.Webhook.construct_event(payload, sig, secret)\nexcept stripe.error.SignatureVerificationError as e:\n    logger.warning("bad signature %s", e)' }) },
    status: 'fail',
    messageIds: ['errorSwallowed'],
  },
  {
    name: "go: Stripe's sample parses first, then always verifies",
    artifacts: {
      Source: await sourceOf(rule, {
        'hook.go': 'event := stripe.Event{}\nif err := json.Unmarshal(payload, &event); err != nil {\n\tw.WriteHeader(http.StatusBadRequest)\n\treturn\n}\nevent, err = webhook.ConstructEvent(payload, req.Header.Get("Stripe-Signature"), endpointSecret)\nif err != nil {\n\tw.WriteHeader(http.StatusBadRequest)\n\treturn\n}\nswitch event.Type {}\n',
      }),
    },
    status: 'pass',
  },
  {
    name: 'java: fromJson fallback when the secret is null',
    artifacts: {
      Source: await sourceOf(rule, {
        'Hook.java': 'Event event = ApiResource.GSON.fromJson(payload, Event.class);\nif (endpointSecret != null && sigHeader != null) {\n  try {\n    event = Webhook.constructEvent(payload, sigHeader, endpointSecret);\n  } catch (SignatureVerificationException e) {\n    response.status(400);\n    return "";\n  }\n}\n',
      }),
    },
    status: 'fail',
    messageIds: ['unverifiedFallback'],
  },
  {
    name: 'node: a swallowing catch with nested braces',
    artifacts: { Source: await sourceOf(rule, { 'hook.ts': nodeGood.replace("return res.status(400).send('bad signature');", 'logger.warn({ err }, `bad signature ${err.message}`);') }) },
    status: 'fail',
    messageIds: ['errorSwallowed'],
  },
  { name: 'nothing at all', artifacts: { Source: await sourceOf(rule, { 'README.md': '# app' }) }, status: 'fail', messageIds: ['noVerification'] },
  { name: 'unreadable project', artifacts: { Source: failure('io') }, status: 'error' },
]);
