import type { SessionWindow } from '../src/engine/artifacts.js';
import rule from './session-link-refreshed.js';
import { FIXED_NOW, ruleTester } from '../test/support/rule-tester.js';
import { failure, modes, session } from '../test/support/facts.js';
import { sourceOf } from '../test/support/source.js';

const window = (sessions: ReturnType<typeof session>[]) => ({ sessions, windowDays: 30, truncated: false });
const noKeys = modes<SessionWindow>({});
const nowSeconds = Math.floor(FIXED_NOW / 1000);
const create = "const verificationSession = await stripe.identity.verificationSessions.create({ type: 'document', client_reference_id: req.user.id });\n";
const redirect = 'res.redirect(303, verificationSession.url);\n';
const refresh = "app.get('/verify/resume', async (req, res) => { const verificationSession = await stripe.identity.verificationSessions.retrieve(req.user.vsId); res.redirect(verificationSession.url); });\n";

ruleTester(rule, [
  { name: 'node: redirect and retrieve on return', artifacts: { Source: await sourceOf(rule, { 'server.js': create + redirect + refresh }), VerificationSessions: noKeys }, status: 'pass', messageIds: ['refreshed', 'apiUnavailable'] },
  { name: 'node: modal only (client_secret)', artifacts: { Source: await sourceOf(rule, { 'server.js': `${create}res.json({ client_secret: verificationSession.client_secret });\n` }), VerificationSessions: noKeys }, status: 'pass', messageIds: ['modal', 'apiUnavailable'] },
  // A link used in the request that creates it is fresh (issue #11 §3): only a link that outlives the request fails.
  { name: 'node: url used at once, never retrieved', artifacts: { Source: await sourceOf(rule, { 'server.js': create + redirect }), VerificationSessions: noKeys }, status: 'pass', messageIds: ['usedAtOnce', 'apiUnavailable'] },
  {
    name: 'python: the url logged',
    artifacts: { Source: await sourceOf(rule, { 'app.py': 'vs = stripe.identity.VerificationSession.create(type="document")\nlogger.info("created %s", vs.url)\nreturn redirect(vs.url)\n' }), VerificationSessions: noKeys },
    status: 'fail',
    messageIds: ['linkLogged', 'usedAtOnce', 'apiUnavailable'],
    mentions: ['app.py:2'],
  },
  {
    name: 'python: url saved on the model and e-mailed',
    artifacts: {
      Source: await sourceOf(rule, {
        'views.py': 'session = stripe.identity.VerificationSession.create(type="document", client_reference_id=uid)\nprofile.verification_url = session.url\nsend_mail("Verify", f"Open {session.url}", None, [user.email])\nstripe.identity.VerificationSession.retrieve(sid)\n',
      }),
      VerificationSessions: noKeys,
    },
    status: 'fail',
    messageIds: ['linkStored', 'linkEmailed', 'refreshed', 'apiUnavailable'],
  },
  {
    name: 'ruby: url cached',
    artifacts: { Source: await sourceOf(rule, { 'app.rb': "session = Stripe::Identity::VerificationSession.create({ type: 'document' })\nRails.cache.write(\"vs-#{user.id}\", session.url)\nStripe::Identity::VerificationSession.retrieve(id)\n" }), VerificationSessions: noKeys },
    status: 'fail',
    messageIds: ['linkCached', 'refreshed', 'apiUnavailable'],
  },
  {
    name: 'API: a requires_input session older than 48 h warns',
    artifacts: {
      Source: await sourceOf(rule, { 'server.js': create + redirect + refresh }),
      VerificationSessions: modes({ live: window([session({ id: 'vs_old', status: 'requires_input', created: nowSeconds - 50 * 3600 }), session({ id: 'vs_new', status: 'requires_input', created: nowSeconds - 3600 })]) }),
    },
    status: 'warn',
    messageIds: ['refreshed', 'apiUnavailable', 'apiExpired'],
    mentions: ['vs_old'],
    never: ['vs_new'],
  },
  {
    name: 'API: nothing stale',
    artifacts: { Source: await sourceOf(rule, { 'server.js': create + redirect + refresh }), VerificationSessions: modes({ live: window([session({ status: 'verified', created: nowSeconds - 90 * 3600 })]), test: window([]) }) },
    status: 'pass',
    messageIds: ['refreshed', 'apiFresh', 'apiFresh'],
  },
  // No integration is not a verdict (issue #11): the code rules end in error, saying what was scanned.
  { name: 'no integration', artifacts: { Source: await sourceOf(rule, { 'x.go': 'package main' }), VerificationSessions: noKeys }, status: 'error', messageIds: ['noIntegration'] },
  { name: 'scan unavailable', artifacts: { Source: failure('io'), VerificationSessions: noKeys }, status: 'error' },
]);
