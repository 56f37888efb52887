import { describe, expect, it } from 'vitest';
import { didYouMean, suggest } from '../../src/util/suggest.js';
import { RULES } from '../../rules/index.js';

const RULE_IDS = RULES.map((rule) => rule.meta.id);

describe('suggest', () => {
  it.each([
    ['a typo: only the closest spelling', 'webhook-endpoint-registred', RULE_IDS, ['webhook-endpoint-registered']],
    ['a command typo', 'chek', ['check', 'gather', 'probe', 'attest', 'rules', 'explain'], ['check']],
    ['a camelCase key, case-blind, by a shared prefix', 'maxAttempts', ['maxAttemptsPerUser', 'stripe', 'faqUrl'], ['maxAttemptsPerUser']],
    ['a shared word when nothing is spelt close', 'privacy', RULE_IDS, ['privacy-policy-discloses-stripe', 'privacy-policy-url']],
    ['nothing close', 'zzzz', RULE_IDS, []],
  ])('%s', (_name, input, candidates, expected) => {
    expect(suggest(input, candidates)).toEqual(expected);
  });

  it('didYouMean quotes the choices, or says nothing', () => {
    expect(didYouMean('chek', ['check', 'cheek'])).toBe(' Did you mean "check" or "cheek"?');
    expect(didYouMean('zzzz', ['check'])).toBe('');
  });
});
