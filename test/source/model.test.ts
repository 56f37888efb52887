// The IntegrationModel built from real files: REST calls in every language, grammars loaded only
// for the languages present, and a model that holds locations and classifications, never values.
import { describe, expect, it } from 'vitest';
import { compilePatterns } from '../../src/gather/source/compile.js';
import { scanSource } from '../../src/gather/source/scan.js';
import { loadedGrammars } from '../../src/gather/source/syntax/parser.js';
import { writeTree } from '../support/source.js';

const none = compilePatterns([]);
const modelOf = async (files: Record<string, string>) => (await scanSource(writeTree(files, 'igl-model-'), none, { model: true })).model!;

describe('grammars', () => {
  it('loads only the grammars of the languages present among candidate files', async () => {
    await modelOf({ 'only.py': "requests.post('https://api.stripe.com/v1/identity/verification_sessions')\n", 'README.md': 'constructEvent' });
    // The first tree of this file: only its candidate (Python) loaded a grammar; Markdown is no candidate.
    expect(loadedGrammars()).toEqual(['python']);
  });
});

describe('REST calls to /v1/identity/verification_sessions', () => {
  it('are found in all seven languages, with the operation told apart', async () => {
    const model = await modelOf({
      'plugin.php': "<?php\n$response = wp_remote_post('https://api.stripe.com/v1/identity/verification_sessions', ['headers' => $headers, 'body' => $body]);\n$s = wp_remote_get(\"https://api.stripe.com/v1/identity/verification_sessions/$id\");\n",
      'app.py': "r = requests.post(f'{STRIPE}/v1/identity/verification_sessions', data={'type': 'document'}, auth=(key, ''))\nrequests.post(f'https://api.stripe.com/v1/identity/verification_sessions/{sid}/redact', auth=(key, ''))\n",
      'server.ts': "const res = await fetch('https://api.stripe.com/v1/identity/verification_sessions', { method: 'POST', body });\n",
      'client.rb': "uri = URI('https://api.stripe.com/v1/identity/verification_sessions')\nreq = Net::HTTP::Post.new(uri)\n",
      'main.go': 'package main\nfunc f() {\n\treq, _ := http.NewRequest("POST", "https://api.stripe.com/v1/identity/verification_sessions", body)\n\t_ = req\n}\n',
      'Api.java': 'class Api { void f() { HttpRequest.newBuilder(URI.create("https://api.stripe.com/v1/identity/verification_sessions/" + id + "/cancel")).POST(body).build(); } }\n',
      'Api.cs': 'class Api { async Task F() { await http.PostAsync("https://api.stripe.com/v1/identity/verification_sessions", content); } }\n',
    });
    const calls = model.rest.map((call) => `${call.file}:${call.at.line}:${call.at.column} ${call.operation}`).sort();
    expect(calls).toEqual([
      'Api.cs:1:51 create',
      'Api.java:1:58 cancel',
      'app.py:1:19 create',
      'app.py:2:15 redact',
      'client.rb:1:11 create',
      'main.go:3:36 create',
      'plugin.php:2:28 create',
      'plugin.php:3:20 retrieve',
      'server.ts:1:25 create',
    ]);
  });

});

describe('the model holds no values', () => {
  it('cites code masked and keeps no literal contents beyond event names', async () => {
    const secret = ['whsec', 'fixture0000000000000000000000'].join('_');
    const model = await modelOf({
      'hook.js': `const s = '${secret}';\napp.post('/w', (req, res) => { const e = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], '${secret}'); if (e.type === 'identity.verification_session.verified') {} });\n`,
    });
    const text = JSON.stringify(model);
    expect(text).not.toContain(secret);
    expect(model.webhooks[0]?.eventTypes).toEqual(['verified']);
  });
});
