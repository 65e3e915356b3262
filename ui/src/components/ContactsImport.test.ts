// Importing contacts: a CSV shows its columns with the core's proposed mapping for the owner to
// fix; a dry run sends that mapping and says what would happen (new customers, contacts already
// here with Merge or Skip, problems by line); Import then writes with the owner's choice, and the
// whole import can be undone. A vCard skips the mapping. Nothing is written before Import.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactsFile } from '../lib/bindings/ContactsFile';
import { contactsPreview, contactsReport } from '../test-fixtures';
import ContactsImport from './ContactsImport.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

const CSV = 'Name,Given Name,E-mail 1 - Value,Phone 1 - Value,Birthday,Event 1 - Type,Event 1 - Value,Notes,Group Membership\nAnna Berg,Anna,anna@example.com,,,,,,\n';
const VCF = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Berg\r\nEMAIL:anna@example.com\r\nEND:VCARD\r\n';

function core(): void {
  invokeMock.mockImplementation(async (command, args) => {
    switch (command) {
      case 'preview_contacts_csv':
        return contactsPreview();
      case 'import_contacts': {
        const { file } = args as { file: ContactsFile };
        return contactsReport(file.dry_run, file.duplicates);
      }
      case 'undo_import':
        return 2;
      default:
        return null;
    }
  });
}

function setup() {
  const announce = vi.fn();
  const onchanged = vi.fn();
  render(ContactsImport, { announce, onchanged });
  return { announce, onchanged, user: userEvent.setup(), input: screen.getByLabelText('Contacts file') as HTMLInputElement };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const sent = () => calls('import_contacts').map((args) => (args as { file: ContactsFile }).file);
const file = (text: string, name: string, type: string) => new File([text], name, { type });

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  core();
});

describe('a CSV file', () => {
  it('shows the mapping, dry-runs the changed mapping, imports with the chosen duplicates, and undoes the batch', async () => {
    const { announce, onchanged, user, input } = setup();
    expect(input).toHaveAttribute('accept', '.vcf,.vcard,.csv,text/vcard,text/csv');
    await user.upload(input, file(CSV, 'google.csv', 'text/csv'));

    // The mapping step: whose export it is, each column with the core's proposal and its first cells.
    const mapping = (await screen.findByRole('heading', { name: 'Columns in google.csv' })).parentElement!;
    expect(calls('preview_contacts_csv')).toEqual([{ csv: CSV }]);
    expect(sent()).toEqual([]);
    expect(mapping).toHaveFocus();
    expect(mapping).toHaveTextContent('Looks like a Google Contacts export.');
    expect(within(mapping).getByLabelText('Import “E-mail 1 - Value” as')).toHaveValue('email');
    expect(within(mapping).getByLabelText('Import “Event 1 - Value” as')).toHaveValue('date');
    expect(within(mapping).getByLabelText('Label of the date in “Event 1 - Value”')).toHaveValue('Event');
    const table = within(mapping).getByRole('table', { name: 'Columns in google.csv' });
    const notesRow = within(table).getByRole('rowheader', { name: 'Notes' }).closest('tr')!;
    expect(notesRow).toHaveTextContent('Loves rye');
    // A cell is text, never markup.
    expect(notesRow).toHaveTextContent('<b>not bold</b>');
    expect(table.querySelector('b')).toBeNull();
    expect(within(mapping).getByLabelText('Dates with the year last read as')).toHaveValue('ymd');

    // The owner fixes it: the notes are left out, the event is an anniversary, dates read day first.
    await user.selectOptions(within(mapping).getByLabelText('Import “Notes” as'), 'Leave out');
    const label = within(mapping).getByLabelText('Label of the date in “Event 1 - Value”');
    await user.clear(label);
    await user.type(label, 'Anniversary');
    await user.selectOptions(within(mapping).getByLabelText('Dates with the year last read as'), 'D/M/Y (22/03/1980)');
    await user.click(within(mapping).getByRole('button', { name: 'Check the file' }));

    const checked = (await screen.findByRole('heading', { name: 'What google.csv holds' })).parentElement!;
    expect(sent()).toEqual([
      {
        format: 'csv',
        name: 'google.csv',
        text: CSV,
        mapping: {
          columns: ['name', 'given-name', 'email', 'phone', 'birthday', 'date-label', { date: 'Anniversary' }, 'ignore', 'tags'],
          date_order: 'dmy',
        },
        duplicates: 'merge',
        dry_run: true,
      },
    ]);
    expect(checked).toHaveFocus();
    expect(checked).toHaveTextContent('2 new customers');
    expect(checked).toHaveTextContent('1 contact already here: merged into them');
    expect(checked).toHaveTextContent('1 problem');
    const duplicates = within(checked).getByRole('table', { name: 'Contacts already here (1)' });
    const cells = within(duplicates).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['3', 'Anna Berg', 'Anna Berg', 'same email']);
    const problems = within(checked).getByRole('heading', { name: "Contacts that can't be imported (1)" }).parentElement!;
    expect(within(problems).getByRole('listitem')).toHaveTextContent('Line 5 birthday: “31/02/1980” is not a date');
    expect(onchanged).not.toHaveBeenCalled();

    // Skip instead: the dry run is asked again with that choice.
    await user.click(within(checked).getByLabelText('Skip: leave them as they are'));
    await waitFor(() => expect(sent()).toHaveLength(2));
    expect(sent()[1]).toMatchObject({ duplicates: 'skip', dry_run: true });
    expect(await within(checked).findByText('1 contact already here: skipped')).toBeInTheDocument();

    await user.click(within(checked).getByRole('button', { name: 'Import 2 contacts' }));

    const done = (await screen.findByRole('heading', { name: 'Imported 2 contacts' })).parentElement!;
    expect(sent()[2]).toEqual({ ...sent()[0], duplicates: 'skip', dry_run: false });
    expect(done).toHaveTextContent('From google.csv: 2 new customers, 2 contacts skipped.');
    expect(announce).toHaveBeenCalledWith('Imported 2 contacts from google.csv.');
    expect(onchanged).toHaveBeenCalledTimes(1);

    // Undo asks first, saying what goes, then takes the batch back.
    await user.click(within(done).getByRole('button', { name: 'Undo this import' }));
    const dialog = screen.getByRole('dialog', { name: 'Undo import' });
    expect(dialog).toHaveTextContent('Undo the import of google.csv?');
    expect(dialog).toHaveTextContent('This removes the 2 customers it added, together with anything logged for them since.');
    expect(calls('undo_import')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Undo the import' }));

    expect(await screen.findByRole('heading', { name: 'Import undone' })).toBeInTheDocument();
    expect(calls('undo_import')).toEqual([{ batch: 'batch-1' }]);
    expect(screen.queryByRole('dialog', { name: 'Undo import' })).toBeNull();
    expect(announce).toHaveBeenLastCalledWith('Undid the import of google.csv.');
    expect(onchanged).toHaveBeenCalledTimes(2);
    expect(screen.getByText(/The import of google.csv is taken back: 2 customers removed\./)).toBeInTheDocument();
  });

  it('does not send a yearly date without a label, and says so beside it', async () => {
    const { user, input } = setup();
    await user.upload(input, file(CSV, 'google.csv', 'text/csv'));
    const label = await screen.findByLabelText('Label of the date in “Event 1 - Value”');
    await user.clear(label);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    await waitFor(() => expect(label).toHaveAttribute('aria-invalid', 'true'));
    expect(label).toHaveAccessibleDescription('Name this date, like Anniversary.');
    expect(label).toHaveFocus();
    expect(sent()).toEqual([]);
  });

  it('can go back from the dry run to change the columns', async () => {
    const { user, input } = setup();
    await user.upload(input, file(CSV, 'google.csv', 'text/csv'));
    await user.selectOptions(await screen.findByLabelText('Import “Notes” as'), 'Leave out');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await user.click(await screen.findByRole('button', { name: 'Change the columns' }));
    expect(await screen.findByLabelText('Import “Notes” as')).toHaveValue('ignore');
  });

  it('shows why a file cannot be read at all beside the file box', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'file', message: 'the file has no header row' });
    const { user, input } = setup();
    await user.upload(input, file('', 'empty.csv', 'text/csv'));
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(/The file has no header row\./);
    expect(screen.queryByRole('heading', { name: /Columns in/ })).toBeNull();
  });
});

describe('a vCard file', () => {
  it('needs no mapping: the dry run and the import send none', async () => {
    const { user, input } = setup();
    await user.upload(input, file(VCF, 'contacts.vcf', 'text/vcard'));

    expect(await screen.findByRole('heading', { name: 'What contacts.vcf holds' })).toBeInTheDocument();
    expect(calls('preview_contacts_csv')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Change the columns' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Import 3 contacts' }));

    expect(await screen.findByRole('heading', { name: 'Imported 3 contacts' })).toBeInTheDocument();
    expect(sent()).toEqual([
      { format: 'vcard', name: 'contacts.vcf', text: VCF, mapping: null, duplicates: 'merge', dry_run: true },
      { format: 'vcard', name: 'contacts.vcf', text: VCF, mapping: null, duplicates: 'merge', dry_run: false },
    ]);
    expect(screen.getByText(/From contacts.vcf: 2 new customers, 1 customer already here brought up to date, 1 contact skipped\./)).toBeInTheDocument();
  });

  it('is busy while the file is checked and imported, and never imports twice', async () => {
    let finish: (value: unknown) => void = () => {};
    invokeMock.mockImplementation(async (command, args) => {
      if (command !== 'import_contacts') return null;
      const { file } = args as { file: ContactsFile };
      if (file.dry_run) return contactsReport(true);
      return new Promise((resolve) => (finish = () => resolve(contactsReport(false))));
    });
    const { user, input } = setup();
    await user.upload(input, file(VCF, 'big.vcf', 'text/vcard'));
    const button = await screen.findByRole('button', { name: 'Import 3 contacts' });
    await user.click(button);

    const section = screen.getByRole('region', { name: 'Import contacts' });
    expect(section).toHaveAttribute('aria-busy', 'true');
    expect(within(section).getByRole('status')).toHaveTextContent('Importing big.vcf… Large files can take a moment.');
    expect(button).toBeDisabled();
    expect(input).toBeDisabled();
    await user.click(button);
    expect(sent().filter((f) => !f.dry_run)).toHaveLength(1);

    finish(null);
    expect(await screen.findByRole('heading', { name: 'Imported 3 contacts' })).toBeInTheDocument();
    expect(section).not.toHaveAttribute('aria-busy');
  });

  it('says so when the undo is refused because a merged customer changed since', async () => {
    const { user, input } = setup();
    await user.upload(input, file(VCF, 'contacts.vcf', 'text/vcard'));
    await user.click(await screen.findByRole('button', { name: 'Import 3 contacts' }));
    await user.click(await screen.findByRole('button', { name: 'Undo this import' }));
    invokeMock.mockRejectedValueOnce({
      kind: 'conflict',
      field: null,
      message: 'the last action on the import (customer Anna Berg) can no longer be undone: that customer changed since',
    });
    const dialog = screen.getByRole('dialog', { name: 'Undo import' });
    expect(dialog).toHaveTextContent('The customer it added to goes back to how they were before the import.');
    await user.click(within(dialog).getByRole('button', { name: 'Undo the import' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This import can no longer be undone: a customer it added to has changed since, and undoing it would lose that change.',
    );
    expect(screen.getByRole('heading', { name: 'Imported 3 contacts' })).toBeInTheDocument();
  });
});
