import { describe, expect, it } from 'vitest';
import { html, inlineScript, jsonIsland } from '../../../src/report/html/template.js';

const EVIL = `<img src=x onerror="alert('1')"> & co`;

describe('html, the auto-escaping template', () => {
  it('escapes every hole that is text or a number, quotes included', () => {
    expect(String(html`<p title="${EVIL}">${EVIL}</p>`)).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co</p>');
    expect(String(html`<td>${42}</td>`)).toBe('<td>42</td>');
  });

  it('inserts Html it made as is, and arrays of holes in order; nothing for false, null and undefined', () => {
    const cell = html`<code>${'a<b'}</code>`;
    expect(String(html`<td>${cell}</td>`)).toBe('<td><code>a&lt;b</code></td>');
    expect(String(html`<ul>${['x', html`<li>y</li>`, ['<z>']]}</ul>`)).toBe('<ul>x<li>y</li>&lt;z&gt;</ul>');
    expect(String(html`[${false}${null}${undefined}]`)).toBe('[]');
  });

  it('escapes anything that only looks like Html: only the template makes Html', () => {
    const forged = { toString: () => '<script>alert(1)</script>' };
    expect(String(html`${forged as unknown as string}`)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('embeds JSON that no name can close, and JSON.parse reads back the same value', () => {
    const value = { site: '</script><script>alert(1)</script>', other: '<!-- x -->', sep: 'a\u2028b', amp: 'a&b' };
    const island = String(jsonIsland('data', value));
    const text = island.slice('<script type="application/json" id="data">'.length, -'</script>'.length);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('refuses an inline script that could close its element', () => {
    expect(String(inlineScript('run()'))).toBe('<script>run()</script>');
    expect(() => inlineScript('a = "</SCRIPT>"')).toThrow('an inline script cannot hold "</script" or "<!--"');
    expect(() => inlineScript('<!-- x')).toThrow();
  });
});
