// The Messages view: the templates of one occasion, the editor (a built-in template is saved as
// the owner's copy, the owner's own in place), the core's objections beside the field, the live
// preview for a chosen customer, and restoring Regulars' templates only after asking.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import type { Occasion } from '../lib/bindings/Occasion';
import type { TemplateDraft } from '../lib/bindings/TemplateDraft';
import type { TemplateInfo } from '../lib/bindings/TemplateInfo';
import MessagesView from './MessagesView.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

function builtIn(occasion: Occasion, is_default = true): TemplateInfo {
  return {
    id: `builtin/${occasion}`,
    name: 'Regulars’ template',
    template: { occasion, subject: `Happy ${occasion}`, body: 'Dear {first_name},\n[[Happy {age_ordinal} birthday!|Happy birthday!]]' },
    is_default,
    built_in: true,
  };
}

const own: TemplateInfo = {
  id: 'own-1',
  name: 'Warm wishes',
  template: { occasion: 'birthday', subject: 'For you, {first_name}', body: 'Warmly, {owner_name}' },
  is_default: true,
  built_in: false,
};

/** The core: the built-in template of each occasion, plus `own` for birthdays. */
function core(): void {
  invokeMock.mockImplementation(async (command, args) => {
    const a = args as Record<string, unknown>;
    switch (command) {
      case 'list_templates': {
        const occasion = a.occasion as Occasion;
        return occasion === 'birthday' ? [builtIn('birthday', false), own] : [builtIn(occasion)];
      }
      case 'save_template': {
        const draft = a.draft as TemplateDraft;
        return {
          id: (a.id as string | null) ?? 'own-new',
          name: draft.name,
          template: { occasion: draft.occasion, subject: draft.subject, body: draft.body },
          is_default: draft.is_default,
          built_in: false,
        } satisfies TemplateInfo;
      }
      case 'find_customers':
        return [{ id: 'c1', name: 'Anna Berg', company: null }];
      case 'preview_template': {
        const draft = a.draft as TemplateDraft;
        return {
          subject: draft.subject.replace('{first_name}', 'Anna'),
          body: draft.body.replace('{first_name}', 'Anna'),
          channel: 'email',
          links: { mailto: null, sms: null, whatsapp: null, tel: null },
          unavailable: [],
        };
      }
      default:
        return null;
    }
  });
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  core();
});

it("lists the occasion's templates, the built-in first, and marks the default", async () => {
  const user = userEvent.setup();
  render(MessagesView);

  expect(screen.getByRole('heading', { level: 1, name: 'Messages' })).toBeInTheDocument();
  const list = await screen.findByRole('list', { name: 'Templates' });
  const items = within(list).getAllByRole('listitem');
  expect(items.map((i) => i.textContent)).toEqual(['Regulars’ template', 'Warm wishesdefault']);
  expect(calls('list_templates')).toEqual([{ occasion: 'birthday' }]);

  const occasion = screen.getByLabelText('Occasion');
  expect(within(occasion).getAllByRole('option').map((o) => o.textContent)).toEqual([
    'Birthday',
    'Anniversary',
    'Follow-up',
    'Thank you',
    'Ask for feedback',
    'Seasonal greeting',
  ]);
  await user.selectOptions(occasion, 'Thank you');
  await waitFor(() => expect(calls('list_templates')).toEqual([{ occasion: 'birthday' }, { occasion: 'thank-you' }]));
  const thanks = await screen.findByRole('list', { name: 'Templates' });
  expect(within(thanks).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['Regulars’ templatedefault']);
});

it('saves a built-in template as a new one, and the own template in place', async () => {
  const announce = vi.fn();
  const user = userEvent.setup();
  render(MessagesView, { announce });
  const list = await screen.findByRole('list', { name: 'Templates' });

  await user.click(within(list).getByRole('button', { name: /Regulars’ template/ }));
  expect(screen.getByText(/Regulars’ template can’t be changed/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Save template' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Delete template' })).not.toBeInTheDocument();
  const name = screen.getByLabelText('Template name');
  await user.clear(name);
  await user.type(name, 'Short one');
  await user.click(screen.getByLabelText('Use by default for this occasion'));
  await user.click(screen.getByRole('button', { name: 'Save as new template' }));

  await waitFor(() => expect(announce).toHaveBeenCalledWith('Saved template “Short one”.'));
  expect(calls('save_template')).toEqual([
    {
      id: null,
      draft: {
        name: 'Short one',
        occasion: 'birthday',
        subject: 'Happy birthday',
        body: 'Dear {first_name},\n[[Happy {age_ordinal} birthday!|Happy birthday!]]',
        is_default: true,
      },
    },
  ]);

  await user.click(within(list).getByRole('button', { name: /Warm wishes/ }));
  const subject = screen.getByLabelText('Subject');
  expect(subject).toHaveValue('For you, {first_name}');
  await user.type(subject, '!');
  await user.click(screen.getByRole('button', { name: 'Save template' }));
  await waitFor(() => expect(calls('save_template')).toHaveLength(2));
  expect(calls('save_template')[1]).toEqual({
    id: 'own-1',
    draft: { name: 'Warm wishes', occasion: 'birthday', subject: 'For you, {first_name}!', body: 'Warmly, {owner_name}', is_default: true },
  });
});

it("shows the core's objection beside Message", async () => {
  const user = userEvent.setup();
  render(MessagesView);
  const list = await screen.findByRole('list', { name: 'Templates' });
  await user.click(within(list).getByRole('button', { name: /Warm wishes/ }));
  invokeMock.mockRejectedValueOnce({
    kind: 'invalid',
    field: 'body',
    message: '{firstname} is not a placeholder (use one of: {first_name}, {name})',
  });

  await user.click(screen.getByRole('button', { name: 'Save template' }));

  const message = screen.getByLabelText('Message');
  await waitFor(() => expect(message).toHaveAttribute('aria-invalid', 'true'));
  expect(message).toHaveAccessibleDescription(expect.stringContaining('{firstname} is not a placeholder'));
  expect(message.parentElement).toHaveTextContent('{firstname} is not a placeholder');
  expect(message).toHaveFocus();
  expect(screen.getByLabelText('Subject')).not.toHaveAttribute('aria-invalid');
});

it('previews the edited template for the chosen customer, as plain text', async () => {
  const user = userEvent.setup();
  render(MessagesView, { previewDelay: 10 });
  const list = await screen.findByRole('list', { name: 'Templates' });
  await user.click(within(list).getByRole('button', { name: /Warm wishes/ }));
  expect(calls('preview_template')).toEqual([]);

  await user.type(screen.getByLabelText('Preview for'), 'Ann');
  await user.click(await screen.findByRole('option', { name: /Anna Berg/ }));
  expect(screen.queryByRole('option', { name: /as a new customer/ })).not.toBeInTheDocument();

  const preview = screen.getByRole('region', { name: 'Preview' });
  await waitFor(() => expect(preview).toHaveTextContent('For you, Anna'));
  expect(calls('preview_template')).toEqual([
    {
      customerId: 'c1',
      draft: { name: 'Warm wishes', occasion: 'birthday', subject: 'For you, {first_name}', body: 'Warmly, {owner_name}', is_default: true },
    },
  ]);

  await user.type(screen.getByLabelText('Message'), ' <b>x</b>');
  await waitFor(() => expect(preview).toHaveTextContent('Warmly, {owner_name} <b>x</b>'));
  expect(preview.querySelector('b')).toBeNull();

  // An objection to the body appears beside Message.
  invokeMock.mockRejectedValueOnce({ kind: 'invalid', field: 'body', message: '{x is not closed' });
  await user.type(screen.getByLabelText('Message'), '{{x');
  await waitFor(() => expect(screen.getByLabelText('Message')).toHaveAccessibleDescription(expect.stringContaining('{x is not closed')));
});

it('asks before restoring Regulars’ templates', async () => {
  const announce = vi.fn();
  const user = userEvent.setup();
  render(MessagesView, { announce });
  await screen.findByRole('list', { name: 'Templates' });

  await user.click(screen.getByRole('button', { name: 'Restore Regulars’ templates' }));
  const dialog = screen.getByRole('dialog', { name: 'Restore Regulars’ templates' });
  expect(dialog).toHaveTextContent('Restore Regulars’ templates for Birthday?');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(calls('restore_default_templates')).toEqual([]);

  await user.click(screen.getByRole('button', { name: 'Restore Regulars’ templates' }));
  await user.click(within(screen.getByRole('dialog', { name: 'Restore Regulars’ templates' })).getByRole('button', { name: 'Restore' }));
  await waitFor(() => expect(calls('restore_default_templates')).toEqual([{ occasion: 'birthday' }]));
  expect(announce).toHaveBeenCalledWith('Restored Regulars’ templates for Birthday.');
  await waitFor(() => expect(calls('list_templates')).toHaveLength(2));
});

it('deletes an own template after asking', async () => {
  const announce = vi.fn();
  const user = userEvent.setup();
  render(MessagesView, { announce });
  const list = await screen.findByRole('list', { name: 'Templates' });
  await user.click(within(list).getByRole('button', { name: /Warm wishes/ }));

  await user.click(screen.getByRole('button', { name: 'Delete template' }));
  const dialog = screen.getByRole('dialog', { name: 'Delete template' });
  await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

  await waitFor(() => expect(calls('delete_template')).toEqual([{ id: 'own-1' }]));
  expect(announce).toHaveBeenCalledWith('Deleted template “Warm wishes”.');
  expect(screen.queryByLabelText('Template name')).not.toBeInTheDocument();
});
