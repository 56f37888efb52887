import type { SessionWindow } from '../src/engine/artifacts.js';
import rule from './sensitive-data-minimised.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { failure, modes, session } from '../test/support/facts.js';
import { code, sourceOf } from '../test/support/source.js';

const window = (sessions: ReturnType<typeof session>[]) => ({ sessions, windowDays: 30, truncated: false });
const noKeys = modes<SessionWindow>({});
const create = "const verificationSession = await stripe.identity.verificationSessions.create({ type: 'document', client_reference_id: req.user.id });\n";

ruleTester(rule, [
  {
    name: 'node: returns the client secret, logs only the id',
    artifacts: { Source: await sourceOf(rule, { 'server.js': `${create}console.log('created', verificationSession.id);\nres.json({ client_secret: verificationSession.client_secret });\n` }), VerificationSessions: noKeys },
    status: 'pass',
    messageIds: ['minimised', 'apiUnavailable'],
  },
  {
    name: 'node: logs the client secret',
    artifacts: { Source: await sourceOf(rule, { 'server.js': `${create}console.log('secret', verificationSession.client_secret);\n` }), VerificationSessions: noKeys },
    status: 'fail',
    messageIds: ['logged', 'apiUnavailable'],
    mentions: ['client_secret'],
  },
  {
    name: 'python: stores verified outputs on the user model',
    artifacts: {
      Source: await sourceOf(rule, {
        'views.py': code`
          session = stripe.identity.VerificationSession.retrieve(sid, expand=["verified_outputs"])
          stripe.identity.VerificationSession.create(type="document", client_reference_id=uid)
          user.date_of_birth = session.verified_outputs.dob
          user.save()
        `,
      }),
      VerificationSessions: noKeys,
    },
    status: 'fail',
    messageIds: ['stored', 'apiUnavailable'],
    mentions: ['verified_outputs'],
  },
  {
    // Through a variable, as Django apps write it (corpus: python-django-stores-verified-outputs).
    name: 'python: copies verified outputs onto a model through a local variable',
    artifacts: {
      Source: await sourceOf(rule, {
        'views.py': code`
          stripe.identity.VerificationSession.create(type="document", client_reference_id=request.user.pk)
          def on_verified(obj, profile):
              session = stripe.identity.VerificationSession.retrieve(obj.id, expand=["verified_outputs"])
              outputs = session.verified_outputs
              profile.first_name = outputs.first_name
              profile.save()
        `,
      }),
      VerificationSessions: noKeys,
    },
    status: 'fail',
    messageIds: ['stored', 'apiUnavailable'],
    mentions: ['views.py:5', 'profile.first_name = outputs.first_name'],
  },
  {
    name: 'ruby: stores the url with update!; php: logs it; go: caches it',
    artifacts: {
      Source: await sourceOf(rule, {
        'app.rb': "session = Stripe::Identity::VerificationSession.create({ type: 'document' })\ncurrent_user.update!(verification_url: session.url)\n",
        'verify.php': "<?php error_log('link ' . $verificationSession->url);",
        'cache.go': 'rdb.Set(ctx, "vs:"+user.ID, vs.URL, 48*time.Hour)\n',
      }),
      VerificationSessions: noKeys,
    },
    status: 'fail',
    messageIds: ['logged', 'stored', 'cached', 'apiUnavailable'],
  },
  {
    name: 'java: setter stores the client secret; .NET: e-mails the url',
    artifacts: {
      Source: await sourceOf(rule, {
        'Verify.java': 'VerificationSession vs = VerificationSession.create(params);\nuser.setClientSecret(vs.getClientSecret());\n',
        'Mail.cs': 'await _email.SendEmailAsync(user.Email, "Verify", $"Open {session.Url}");\n',
      }),
      VerificationSessions: noKeys,
    },
    status: 'fail',
    messageIds: ['stored', 'emailed', 'apiUnavailable'],
  },
  {
    name: 'go: a response struct and a Java response DTO are not storage',
    artifacts: {
      Source: await sourceOf(rule, {
        'main.go': 'vs, _ := sc.V1IdentityVerificationSessions.Create(ctx, params)\nresp.ClientSecret = vs.ClientSecret\n',
        'Verify.java': 'VerificationSession session = VerificationSession.create(params);\nresponse.setClientSecret(session.getClientSecret());\n',
      }),
      VerificationSessions: noKeys,
    },
    status: 'pass',
  },
  {
    name: 'expansion without storing: information only; API metadata clean',
    artifacts: {
      Source: await sourceOf(rule, { 'server.js': `${create}const vs = await stripe.identity.verificationSessions.retrieve(id, { expand: ['verified_outputs'] });\nif (vs.verified_outputs.dob) ok();\n` }),
      VerificationSessions: modes({ live: window([session({ metadataKeys: [{ key: 'user_id', looksLike: null }] })]) }),
    },
    status: 'pass',
    messageIds: ['minimised', 'expanded', 'apiUnavailable', 'apiMetadataClean'],
  },
  {
    name: 'API: metadata holding an e-mail, key names only',
    artifacts: { Source: await sourceOf(rule, { 'server.js': create }), VerificationSessions: modes({ test: window([session({ metadataKeys: [{ key: 'email', looksLike: 'email' }, { key: 'dob', looksLike: 'date_of_birth' }] })]) }) },
    status: 'fail',
    messageIds: ['minimised', 'apiUnavailable', 'apiMetadataPii'],
    mentions: ['email (email)', 'dob (date of birth)'],
  },
  {
    name: 'a log of the secret only in a comment is not evidence',
    artifacts: { Source: await sourceOf(rule, { 'server.js': `${create}// console.log(verificationSession.client_secret);\n` }), VerificationSessions: noKeys },
    status: 'pass',
  },
  {
    name: 'a response DTO is not storage (issue #11 §3)',
    artifacts: {
      Source: await sourceOf(rule, {
        'src/identity.service.ts': "const session = await stripe.identity.verificationSessions.create({ type: 'document' });\nreturn new VerificationSessionResponse(session.id, session.client_secret);\n",
        'src/dto/verification-session.response.ts': 'export class VerificationSessionResponse {\n  constructor(id: string, clientSecret: string) {\n    this.id = id;\n    this.clientSecret = clientSecret;\n  }\n}\n',
      }),
      VerificationSessions: noKeys,
    },
    status: 'pass',
    messageIds: ['minimised', 'apiUnavailable'],
  },
  {
    name: 'a whole session object logged and cached (issue #11 §5)',
    artifacts: {
      Source: await sourceOf(rule, {
        'server.js': "const verificationSession = await stripe.identity.verificationSessions.create({ type: 'document' });\nconsole.log('created', verificationSession);\nawait redis.set(key, JSON.stringify(verificationSession));\n",
        'app.py': 'vs = stripe.identity.VerificationSession.create(type="document")\nlog.info("%s", vs)\nprint(vs)\n',
      }),
      VerificationSessions: noKeys,
    },
    status: 'fail',
    messageIds: ['logged', 'logged', 'logged', 'cached', 'apiUnavailable'],
    mentions: ['{"file":"server.js","line":2,"column":1}', '{"file":"server.js","line":3,"column":7}', '{"file":"app.py","line":2,"column":1}', '{"file":"app.py","line":3,"column":1}'],
  },
  // No integration is not a verdict (issue #11): the code rules end in error, saying what was scanned.
  { name: 'no integration', artifacts: { Source: await sourceOf(rule, { 'x.js': '' }), VerificationSessions: noKeys }, status: 'error', messageIds: ['noIntegration'] },
  { name: 'scan unavailable', artifacts: { Source: failure('io'), VerificationSessions: noKeys }, status: 'error' },
]);
