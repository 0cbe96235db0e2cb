import { describe, expect, it } from 'vitest';
import { mdCell, mdCode, mdLink, mdText } from '../../../src/report/markdown/markdown-text.js';

describe('Markdown escaping', () => {
  it('ids are literal code spans, whatever backticks they hold', () => {
    expect(mdCode('hub')).toBe('`hub`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x')).toBe('`` `x ``');
    expect(mdCode('line\nbreak')).toBe('`line\uFFFDbreak`');
  });

  it('prose loses its markup, table cells keep their pipes', () => {
    expect(mdText('<img src=x> *bold* [link](u)')).toBe('\\<img src=x\\> \\*bold\\* \\[link\\](u)');
    expect(mdCell('`a|b`')).toBe('`a\\|b`');
  });

  it('a link keeps its text plain and its address in angle brackets', () => {
    expect(mdLink('[x](javascript:y)', 'https://learn.microsoft.com/a_(b)')).toBe('[\\[x\\](javascript:y)](<https://learn.microsoft.com/a_(b)>)');
  });
});
