// Notes are Markdown. This module turns a note into a small, closed tree of blocks and inline
// pieces that components render as ordinary Svelte elements, so no HTML string is ever built
// or injected (no raw-HTML rendering anywhere). `marked` is used only as a lexer.
//
// It must never let note text create markup: raw HTML, images and anything unknown become
// plain text, and a link survives only with an http, https or mailto address.
import { marked, type Token, type Tokens } from 'marked';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'break' }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  /** Inline content without a paragraph around it (the items of a tight list). */
  | { type: 'plain'; children: Inline[] }
  /** `depth` is the Markdown level, 1 for `#`. */
  | { type: 'heading'; depth: number; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { type: 'rule' }
  /** Shown exactly as typed: raw HTML and anything this module does not render. */
  | { type: 'verbatim'; text: string };

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The note as blocks to render. */
export function noteBlocks(text: string): Block[] {
  return blocks(marked.lexer(text, { gfm: true, breaks: false }));
}

/** `href` when it is an absolute http, https or mailto address; null for anything else. */
export function safeHref(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

function blocks(tokens: readonly Token[]): Block[] {
  const result: Block[] = [];
  for (const token of tokens) {
    const block = toBlock(token);
    if (block) result.push(block);
  }
  return result;
}

function toBlock(token: Token): Block | null {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return { type: 'paragraph', children: inlines((token as Tokens.Paragraph).tokens) };
    case 'heading': {
      const heading = token as Tokens.Heading;
      return { type: 'heading', depth: heading.depth, children: inlines(heading.tokens) };
    }
    case 'text': {
      const text = token as Tokens.Text;
      return { type: 'plain', children: text.tokens ? inlines(text.tokens) : [{ type: 'text', text: text.text }] };
    }
    case 'checkbox':
      return { type: 'plain', children: [{ type: 'text', text: (token as Tokens.Checkbox).checked ? '☑ ' : '☐ ' }] };
    case 'code':
      return { type: 'code', text: (token as Tokens.Code).text };
    case 'blockquote':
      return { type: 'quote', children: blocks((token as Tokens.Blockquote).tokens) };
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return { type: 'list', ordered: list.ordered, start, items: list.items.map((item) => blocks(item.tokens)) };
    }
    case 'table': {
      const table = token as Tokens.Table;
      return {
        type: 'table',
        header: table.header.map((cell) => inlines(cell.tokens)),
        rows: table.rows.map((row) => row.map((cell) => inlines(cell.tokens))),
      };
    }
    case 'hr':
      return { type: 'rule' };
    default:
      // `html` and anything unknown: the text as the owner typed it.
      return { type: 'verbatim', text: token.raw.replace(/\n+$/, '') };
  }
}

function inlines(tokens: readonly Token[] | undefined): Inline[] {
  return (tokens ?? []).flatMap(toInlines);
}

function toInlines(token: Token): Inline[] {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inlines(text.tokens) : [{ type: 'text', text: text.text }];
    }
    case 'escape':
      return [{ type: 'text', text: (token as Tokens.Escape).text }];
    case 'strong':
    case 'em':
    case 'del':
      return [{ type: token.type, children: inlines((token as Tokens.Strong).tokens) }];
    case 'codespan':
      return [{ type: 'code', text: (token as Tokens.Codespan).text }];
    case 'br':
      return [{ type: 'break' }];
    case 'link': {
      const link = token as Tokens.Link;
      const children = inlines(link.tokens);
      const href = safeHref(link.href);
      return href === null ? children : [{ type: 'link', href, children }];
    }
    default:
      // `html`, `image` and anything unknown: the text as the owner typed it.
      return [{ type: 'text', text: token.raw }];
  }
}
