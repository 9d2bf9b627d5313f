import { describe, expect, it } from 'vitest';
import { escapeHtml, viewToHtml } from './view-html';

describe('viewToHtml', () => {
  it('writes the fixed tags with escaped text and attributes', () => {
    expect(
      viewToHtml({
        tag: 'main',
        className: 'callpop stack',
        attrs: { 'aria-busy': 'true' },
        children: [{ tag: 'h3', text: 'Ann & Bob' }],
      }),
    ).toBe('<main class="callpop stack" aria-busy="true"><h3>Ann &amp; Bob</h3></main>');
  });

  it('never lets text or attribute values become markup', () => {
    const hostile = `<img src=x onerror="alert('x')"></h3><script>`;
    const html = viewToHtml({ tag: 'h3', text: hostile, attrs: { title: hostile } });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toBe(
      `<h3 title="${escapeHtml(hostile)}">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&lt;/h3&gt;&lt;script&gt;</h3>`,
    );
  });

  it('refuses an attribute name that is not plain', () => {
    expect(() => viewToHtml({ tag: 'p', attrs: { 'onclick x': '1' } })).toThrow(
      'Not an attribute name',
    );
  });
});
