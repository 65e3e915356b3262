// Notes become a closed tree of blocks: raw HTML stays text and only safe links survive.
import { describe, expect, it } from 'vitest';
import { noteBlocks, safeHref, type Block } from './markdown';

const paragraph = (block: Block | undefined) => {
  if (block?.type !== 'paragraph') throw new Error(`expected a paragraph, got ${block?.type}`);
  return block.children;
};

describe('safeHref', () => {
  it('allows http, https and mailto addresses', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHref('http://example.com')).toBe('http://example.com/');
    expect(safeHref('mailto:anna@example.com')).toBe('mailto:anna@example.com');
    expect(safeHref('  HTTPS://example.com ')).toBe('https://example.com/');
  });

  it('refuses every other scheme and relative addresses', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'tel:+46701234567',
      '/settings',
      '#/customers',
      'example.com',
      '',
    ]) {
      expect(safeHref(href), href).toBeNull();
    }
  });
});

describe('noteBlocks', () => {
  it('reads paragraphs with emphasis, code and line breaks', () => {
    expect(noteBlocks('Hi **Anna**, *see* `x < y`  \nBye')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Hi ' },
          { type: 'strong', children: [{ type: 'text', text: 'Anna' }] },
          { type: 'text', text: ', ' },
          { type: 'em', children: [{ type: 'text', text: 'see' }] },
          { type: 'text', text: ' ' },
          { type: 'code', text: 'x < y' },
          { type: 'break' },
          { type: 'text', text: 'Bye' },
        ],
      },
    ]);
  });

  it('keeps a block of raw HTML as verbatim text', () => {
    expect(noteBlocks('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'verbatim', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('keeps inline HTML as text', () => {
    const texts = paragraph(noteBlocks('before <script>alert(1)</script> after')[0]);
    expect(texts.every((t) => t.type === 'text')).toBe(true);
    expect(texts.map((t) => (t.type === 'text' ? t.text : '')).join('')).toBe('before <script>alert(1)</script> after');
  });

  it('keeps an image as the text that was typed', () => {
    expect(paragraph(noteBlocks('![cat](https://example.com/cat.png)')[0])).toEqual([
      { type: 'text', text: '![cat](https://example.com/cat.png)' },
    ]);
  });

  it('makes links only of http, https and mailto addresses', () => {
    expect(paragraph(noteBlocks('[site](https://example.com) [bad](javascript:alert(1))')[0])).toEqual([
      { type: 'link', href: 'https://example.com/', children: [{ type: 'text', text: 'site' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'bad' },
    ]);
  });

  it('links bare web and email addresses', () => {
    const children = paragraph(noteBlocks('see https://example.com or anna@example.com')[0]);
    expect(children.filter((c) => c.type === 'link')).toEqual([
      { type: 'link', href: 'https://example.com/', children: [{ type: 'text', text: 'https://example.com' }] },
      { type: 'link', href: 'mailto:anna@example.com', children: [{ type: 'text', text: 'anna@example.com' }] },
    ]);
  });

  it('reads lists, quotes, headings and code blocks', () => {
    const blocks = noteBlocks('# Order\n\n- rye\n- spelt\n\n3. three\n\n> said so\n\n```\nx <b>\n```');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'list', 'quote', 'code']);
    expect(blocks[1]).toEqual({
      type: 'list',
      ordered: false,
      start: 1,
      items: [
        [{ type: 'plain', children: [{ type: 'text', text: 'rye' }] }],
        [{ type: 'plain', children: [{ type: 'text', text: 'spelt' }] }],
      ],
    });
    expect(blocks[2]).toMatchObject({ type: 'list', ordered: true, start: 3 });
    expect(blocks[4]).toEqual({ type: 'code', text: 'x <b>' });
  });

  it('gives nothing for an empty note', () => {
    expect(noteBlocks('')).toEqual([]);
  });
});
