import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, mdCell, mdCode, mdText } from '../../src/report/escape.js';

describe('escaping', () => {
  it('HTML: every markup character, quotes included (attributes are always quoted)', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co');
  });

  it('embedded JSON: no </script> or <!-- survives, and JSON.parse reads the same value back', () => {
    const value = { site: '</script><script>alert(1)</script>', other: '<!-- x -->', sep: 'a\u2028b', amp: 'a&b' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('Markdown: ids are literal code spans, whatever backticks they hold', () => {
    expect(mdCode('hub')).toBe('`hub`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x')).toBe('`` `x ``');
    expect(mdCode('line\nbreak')).toBe('`line\uFFFDbreak`');
  });

  it('Markdown: prose loses its markup, table cells keep their pipes', () => {
    expect(mdText('<img src=x> *bold* [link](u)')).toBe('\\<img src=x\\> \\*bold\\* \\[link\\](u)');
    expect(mdCell('`a|b`')).toBe('`a\\|b`');
  });
});
