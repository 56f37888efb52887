import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { cell, markdown, MARKDOWN_MAX_BYTES } from '../../src/report/markdown.js';
import { outcome } from '../../src/engine/rule.js';
import { buildSample, code, MIXED } from '../support/sample-reports.js';

const options = { chalk: new Chalk({ level: 0 }) };

describe('markdown', () => {
  it('escapes table cells; leaves code spans readable', () => {
    expect(cell('a | b <i>x</i> & `<rule> | y`\nnext')).toBe('a \\| b &lt;i&gt;x&lt;/i&gt; &amp; `<rule> \\| y`<br>next');
    expect(cell('esc \u001b[31m')).toBe('esc \uFFFD[31m');
  });

  it('puts what blocks first, with links to the fixes', () => {
    const text = markdown(buildSample(MIXED), options);
    const headings = text.split('\n').filter((line) => line.startsWith('### '));
    expect(headings.slice(0, 3)).toEqual(['### ❌ 4. Limit the number of submission attempts', '### ❌ 9. Follow webhook best practices', '### ❓ 5. Limit how much sensitive information you store']);
    expect(text).toContain('[docs](https://docs.stripe.com/webhooks#best-practices)');
    expect(text).toContain('### 🔕 Suppressed (3)');
    expect(text).toContain('| `webhook-endpoint-enabled` | Webhook endpoint we_2Staging is disabled `we_2Staging` | staging endpoint, disabled on purpose | config | 2027-01-31 |');
  });

  it(`stays under the byte limit by summarising (default ${MARKDOWN_MAX_BYTES} bytes)`, () => {
    const findings = Array.from({ length: 4000 }, (_, i) => code(`src/generated/module-${i}/${'deep/'.repeat(20)}handler.ts`, i + 1));
    const report = buildSample({
      rules: [
        { id: 'huge', item: 'webhooks', result: outcome.from(findings) },
        { id: 'fine', item: 'branding', result: outcome.pass() },
      ],
    });
    const full = markdown(report, { ...options, maxBytes: Number.MAX_SAFE_INTEGER });
    expect(Buffer.byteLength(full)).toBeGreaterThan(MARKDOWN_MAX_BYTES);
    const capped = markdown(report, options);
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    expect(capped).toContain('…and 3990 more');
    expect(capped).toContain('## ❌ identity-golive: Not ready to go live');
    // A tiny budget still yields the verdict and says it was cut.
    const tiny = markdown(report, { ...options, maxBytes: 400 });
    expect(Buffer.byteLength(tiny)).toBeLessThanOrEqual(400);
    expect(tiny).toContain('Not ready to go live');
    expect(tiny).toContain('Summary cut to fit the size limit');
  });
});
