// A note's Markdown renders as ordinary elements; nothing in the note can create markup.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import Markdown from './Markdown.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

function renderNote(text: string): HTMLElement {
  const { container } = render(Markdown, { text });
  return container;
}

it('renders emphasis, lists, quotes and code as elements', () => {
  const note = renderNote('Met **Anna**, she wants *rye*.\n\n- 2 loaves\n- 1 cake\n\n> Call me Tuesday\n\n`code`');
  expect(note.querySelector('strong')).toHaveTextContent('Anna');
  expect(note.querySelector('em')).toHaveTextContent('rye');
  expect(note.querySelectorAll('ul li')).toHaveLength(2);
  expect(note.querySelector('blockquote')).toHaveTextContent('Call me Tuesday');
  expect(note.querySelector('code')).toHaveTextContent('code');
});

it('shows a script tag as text and creates no script element', () => {
  const note = renderNote('Hello <script>alert(1)</script> there');
  expect(note.querySelector('script')).toBeNull();
  expect(note).toHaveTextContent('Hello <script>alert(1)</script> there');
});

it('shows an img tag with an onerror handler as text and creates no img element', () => {
  const note = renderNote('<img src=x onerror=alert(1)>');
  expect(note.querySelector('img')).toBeNull();
  expect(note.querySelector('[onerror]')).toBeNull();
  expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
});

it('creates no iframe, image, object or style from note text', () => {
  const note = renderNote(
    '<iframe src="https://evil.example"></iframe>\n\n![x](https://example.com/x.png)\n\n<object data=x></object><style>body{}</style>\n\ninline <img src=y onerror=alert(2)> too',
  );
  for (const tag of ['iframe', 'img', 'object', 'style', 'script']) {
    expect(note.querySelector(tag), tag).toBeNull();
  }
  expect(note).toHaveTextContent('<iframe src="https://evil.example"></iframe>');
  expect(note).toHaveTextContent('inline <img src=y onerror=alert(2)> too');
});

it('makes links only for http, https and mailto addresses', () => {
  const note = renderNote(
    '[web](https://example.com) [mail](mailto:anna@example.com) [js](javascript:alert(1)) [data](data:text/html,hi) [rel](/x)',
  );
  const links = [...note.querySelectorAll('a')];
  expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/', 'mailto:anna@example.com']);
  expect(note).toHaveTextContent('js data rel');
});

it('opens a link outside the app instead of navigating', async () => {
  invokeMock.mockResolvedValue(null);
  renderNote('See [the menu](https://example.com/menu).');
  const link = screen.getByRole('link', { name: 'the menu' });
  const click = new MouseEvent('click', { bubbles: true, cancelable: true });
  link.dispatchEvent(click);
  expect(click.defaultPrevented).toBe(true);
  expect(invokeMock).toHaveBeenCalledWith('plugin:opener|open_url', { url: 'https://example.com/menu' });
});

it('says so beside the link when it cannot be opened', async () => {
  invokeMock.mockRejectedValue({ kind: 'internal', field: null, message: 'Not allowed.' });
  renderNote('<https://example.com>');
  await userEvent.setup().click(screen.getByRole('link', { name: 'https://example.com' }));
  expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't open the link: Not allowed.");
});

it('renders note headings below the page headings', () => {
  const note = renderNote('# Order\n\n## Details');
  expect(note.querySelector('h3')).toHaveTextContent('Order');
  expect(note.querySelector('h4')).toHaveTextContent('Details');
  expect(note.querySelector('h1, h2')).toBeNull();
});
