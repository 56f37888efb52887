import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { UserError } from '../../src/util/user-error.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'golive-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('config discovery', () => {
  it.each([
    ['package.json key', 'package.json', JSON.stringify({ name: 'x', 'identity-golive': { maxAttemptsPerUser: 5 } })],
    ['rc file (JSON)', '.identity-goliverc', JSON.stringify({ maxAttemptsPerUser: 5 })],
    ['rc file (YAML)', '.identity-goliverc.yaml', 'maxAttemptsPerUser: 5\n'],
    ['config json', 'identity-golive.config.json', JSON.stringify({ maxAttemptsPerUser: 5 })],
    ['config yaml', 'identity-golive.config.yaml', 'maxAttemptsPerUser: 5\n'],
    ['config mjs', 'identity-golive.config.mjs', 'export default { maxAttemptsPerUser: 5 };\n'],
  ])('reads a %s', async (_name, file, content) => {
    await writeFile(path.join(dir, file), content);
    const config = await loadConfig({ cwd: dir });
    expect(config.maxAttemptsPerUser).toBe(5);
    expect(config.filepath).toBe(path.join(dir, file));
  });

  it('fills defaults when there is no config', async () => {
    const config = await loadConfig({ cwd: dir });
    expect(config).toMatchObject({ filepath: null, maxAttemptsPerUser: 3, stripe: { windowDays: 30, maxObjects: 1000 }, suppressions: [] });
  });

  it('reads an explicit --config path, and names it when missing', async () => {
    await writeFile(path.join(dir, 'custom.json'), JSON.stringify({ faqUrl: 'https://example.com/faq' }));
    expect((await loadConfig({ cwd: dir, configPath: 'custom.json' })).faqUrl).toBe('https://example.com/faq');
    await expect(loadConfig({ cwd: dir, configPath: 'nope.json' })).rejects.toThrow(/Config file not found: .*nope\.json/);
  });
});

describe('config validation', () => {
  it.each([
    ['a wrong severity', { rules: { 'branding-configured': 'on' } }, /rules\.branding-configured: .*"error"/],
    ['an unknown key', { maxAttempts: 3 }, /\(root\): unknown key "maxAttempts" \(did you mean "maxAttemptsPerUser"\?\)/],
    ['an unknown nested key', { stripe: { windowdays: 3 } }, /stripe: unknown key "windowdays" \(did you mean "windowDays"\?\)/],
    ['an unknown key in a list entry', { suppressions: [{ rule: 'x', reason: 'r', expires: '2027-01-01', targt: 'a' }] }, /suppressions\[0\]: unknown key "targt" \(did you mean "target"\?\)/],
    ['an unknown key nothing resembles', { zzz: 1 }, /\(root\): unknown key "zzz"$/m],
    ['a window over 30 days', { stripe: { windowDays: 90 } }, /stripe\.windowDays: .*30/],
    ['a relative URL', { privacyPolicyUrl: '/privacy' }, /privacyPolicyUrl: expected an absolute http\(s\) URL/],
    ['a suppression without reason', { suppressions: [{ rule: 'x', reason: '', expires: '2027-01-01' }] }, /suppressions\[0\]\.reason: a suppression needs a reason/],
  ])('rejects %s, naming the file and key path', async (_name, raw, message) => {
    const file = path.join(dir, 'identity-golive.config.json');
    await writeFile(file, JSON.stringify(raw));
    const error = await loadConfig({ cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(file);
    expect((error as UserError).message).toMatch(message);
  });

  it('reports a syntax error with the file name', async () => {
    await writeFile(path.join(dir, 'identity-golive.config.json'), '{ "faqUrl": ');
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/Could not read config .*identity-golive\.config\.json/);
  });

  it('names where a JSON syntax error is (line and column), not just the file', async () => {
    await writeFile(path.join(dir, 'identity-golive.config.json'), '{\n  "stripe": {\n    "timeoutMs": 1000,\n  }\n}\n');
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/identity-golive\.config\.json: .* at line 4, column 3/);
  });

  it('reports an .mjs syntax error as a syntax error, with its line', async () => {
    await writeFile(path.join(dir, 'identity-golive.config.mjs'), 'export default {\n  stripe: {\n');
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/identity-golive\.config\.mjs: SyntaxError: .* at line \d/);
  });

  it('a config getter that throws is the config\'s error, not an internal one', async () => {
    await writeFile(path.join(dir, '.identity-goliverc.js'), 'module.exports = { get stripe() { throw new Error("boom"); } };\n');
    const error = await loadConfig({ cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/threw while its keys were read: boom/);
  });
});

describe('shipped JSON Schema', () => {
  it('matches the zod schema (run `npm run schema` after changing it)', async () => {
    const shipped = JSON.parse(await readFile(new URL('../../schema/identity-golive.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(configJsonSchema());
  });
});
