// Importing contacts: "Choose a contacts file…" asks the app for the system's file dialog and gets back a
// token (never a path or the file's bytes); a CSV shows its columns with the core's proposed
// mapping for the owner to fix; a dry run sends that mapping and says what would happen (new
// customers, contacts already here with Merge or Skip, problems by line), with a progress bar
// while the core reads the file; Import then writes with the owner's choice, showing the customers
// saved, and the whole import can be undone. A vCard skips the mapping. Nothing is written before Import.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChosenFile } from '../lib/bindings/ChosenFile';
import type { ContactsImport as How } from '../lib/bindings/ContactsImport';
import type { ImportProgress } from '../lib/bindings/ImportProgress';
import { chosenFile, contactsPreview, contactsReport } from '../test-fixtures';
import ContactsImport from './ContactsImport.svelte';

// Channel: a minimal stand-in for the IPC channel the import reports its progress on; a test plays
// the core's messages by calling its `onmessage`.
vi.mock('@tauri-apps/api/core', () => ({
  invoke: vi.fn(),
  isTauri: vi.fn(() => true),
  Channel: class {
    onmessage: (message: unknown) => void = () => {};
  },
}));

const invokeMock = vi.mocked(invoke);

type ImportArgs = { token: string; how: How; progress: { onmessage: (message: ImportProgress) => void } };

const GOOGLE = chosenFile({ token: 'file-1', name: 'google.csv', bytes: 2_400_000, format: 'csv' });
const VCARD = chosenFile({ token: 'file-2', name: 'contacts.vcf', bytes: 12_300, format: 'vcard' });

/** What the system's file dialog answers next: a file, or null when the owner closes it. */
let dialog: (ChosenFile | null)[] = [];

function core(): void {
  invokeMock.mockImplementation(async (command, args) => {
    switch (command) {
      case 'choose_file':
        return dialog.shift() ?? null;
      case 'preview_contacts_file':
        return contactsPreview();
      case 'import_contacts_file': {
        const { how } = args as ImportArgs;
        return contactsReport(how.dry_run, how.duplicates);
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
  const user = userEvent.setup();
  const chooser = screen.getByRole('button', { name: 'Choose a contacts file…' });
  /** The owner clicks the chooser and picks `file` in the dialog (null: closes it). */
  const choose = async (file: ChosenFile | null) => {
    dialog.push(file);
    await user.click(chooser);
  };
  return { announce, onchanged, user, chooser, choose };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
/** What each dry run and import sent: the file's token and how to import it (the channel aside). */
const sent = () => calls('import_contacts_file').map((args) => ({ token: (args as ImportArgs).token, how: (args as ImportArgs).how }));
const hows = () => sent().map((s) => s.how);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  dialog = [];
  core();
});

describe('the chooser', () => {
  it('opens the system file dialog for contacts, and names the file chosen with its size', async () => {
    const { chooser, choose } = setup();
    expect(chooser).toHaveTextContent('Choose a contacts file…');
    await choose(VCARD);
    expect(calls('choose_file')).toEqual([{ kind: 'contacts' }]);
    expect(await screen.findByText('contacts.vcf · 12 kB')).toBeInTheDocument();
    expect(chooser).toHaveTextContent('Choose a contacts file…');
    expect(chooser).toHaveAccessibleName('Choose a contacts file…');
    expect(chooser).toHaveAccessibleDescription(/contacts\.vcf · 12 kB$/);
  });

  it('leaves everything as it was when the dialog is closed without a file', async () => {
    const { chooser, choose } = setup();
    await choose(null);
    expect(calls('choose_file')).toHaveLength(1);
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(chooser).toHaveTextContent('Choose a contacts file…');
    expect(screen.queryByRole('progressbar')).toBeNull();

    // After a dry run too: the result, the file and its name stay.
    await choose(VCARD);
    expect(await screen.findByRole('heading', { name: 'What contacts.vcf holds' })).toBeInTheDocument();
    await choose(null);
    expect(calls('choose_file')).toHaveLength(3);
    expect(sent()).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'What contacts.vcf holds' })).toBeInTheDocument();
    expect(screen.getByText('contacts.vcf · 12 kB')).toBeInTheDocument();
    expect(chooser).toHaveTextContent('Choose a contacts file…');
  });
});

describe('a CSV file', () => {
  it('shows the mapping, dry-runs the changed mapping, imports with the chosen duplicates, and undoes the batch', async () => {
    const { announce, onchanged, user, choose } = setup();
    await choose(GOOGLE);

    // The mapping step: whose export it is, each column with the core's proposal and its first cells.
    const mapping = (await screen.findByRole('heading', { name: 'Columns in google.csv' })).parentElement!;
    expect(calls('preview_contacts_file')).toEqual([{ token: 'file-1' }]);
    expect(sent()).toEqual([]);
    expect(mapping).toHaveFocus();
    expect(screen.getByText('google.csv · 2.4 MB')).toBeInTheDocument();
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
        token: 'file-1',
        how: {
          format: 'csv',
          mapping: {
            columns: ['name', 'given-name', 'email', 'phone', 'birthday', 'date-label', { date: 'Anniversary' }, 'ignore', 'tags'],
            date_order: 'dmy',
          },
          duplicates: 'merge',
          dry_run: true,
        },
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
    expect(hows()[1]).toMatchObject({ duplicates: 'skip', dry_run: true });
    expect(await within(checked).findByText('1 contact already here: skipped')).toBeInTheDocument();

    await user.click(within(checked).getByRole('button', { name: 'Import 2 contacts' }));

    const done = (await screen.findByRole('heading', { name: 'Imported 2 contacts' })).parentElement!;
    expect(sent()[2]).toEqual({ token: 'file-1', how: { ...hows()[0], duplicates: 'skip', dry_run: false } });
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
    const { user, choose } = setup();
    await choose(GOOGLE);
    const label = await screen.findByLabelText('Label of the date in “Event 1 - Value”');
    await user.clear(label);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    await waitFor(() => expect(label).toHaveAttribute('aria-invalid', 'true'));
    expect(label).toHaveAccessibleDescription('Name this date, like Anniversary.');
    expect(label).toHaveFocus();
    expect(sent()).toEqual([]);
  });

  it('can go back from the dry run to change the columns', async () => {
    const { user, choose } = setup();
    await choose(GOOGLE);
    await user.selectOptions(await screen.findByLabelText('Import “Notes” as'), 'Leave out');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await user.click(await screen.findByRole('button', { name: 'Change the columns' }));
    expect(await screen.findByLabelText('Import “Notes” as')).toHaveValue('ignore');
  });

  it('starts over from "Choose another file", with the chooser focused', async () => {
    const { user, chooser, choose } = setup();
    await choose(GOOGLE);
    await user.click(await screen.findByRole('button', { name: 'Choose another file' }));
    expect(screen.queryByRole('heading', { name: /Columns in/ })).toBeNull();
    expect(screen.queryByText('google.csv · 2.4 MB')).toBeNull();
    expect(chooser).toHaveTextContent('Choose a contacts file…');
    expect(chooser).toHaveFocus();
  });

  it('shows why a file cannot be read at all beside the chooser, and keeps its name', async () => {
    invokeMock.mockImplementation(async (command) => {
      if (command === 'choose_file') return GOOGLE;
      throw { kind: 'invalid', field: 'file', message: 'the file cannot be opened (permission denied)' };
    });
    const { chooser, choose } = setup();
    await choose(GOOGLE);
    expect(await screen.findByRole('alert')).toHaveTextContent('The file cannot be opened (permission denied).');
    expect(chooser).toHaveAccessibleDescription(/google\.csv · 2\.4 MB The file cannot be opened \(permission denied\)\.$/);
    expect(screen.queryByRole('heading', { name: /Columns in/ })).toBeNull();
    await waitFor(() => expect(chooser).toHaveFocus());
    expect(chooser).toBeEnabled();
  });
});

describe('a vCard file', () => {
  it('needs no mapping: the dry run and the import send none', async () => {
    const { user, choose } = setup();
    await choose(VCARD);

    expect(await screen.findByRole('heading', { name: 'What contacts.vcf holds' })).toBeInTheDocument();
    expect(calls('preview_contacts_file')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Change the columns' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Import 3 contacts' }));

    expect(await screen.findByRole('heading', { name: 'Imported 3 contacts' })).toBeInTheDocument();
    expect(sent()).toEqual([
      { token: 'file-2', how: { format: 'vcard', mapping: null, duplicates: 'merge', dry_run: true } },
      { token: 'file-2', how: { format: 'vcard', mapping: null, duplicates: 'merge', dry_run: false } },
    ]);
    expect(screen.getByText(/From contacts.vcf: 2 new customers, 1 customer already here brought up to date, 1 contact skipped\./)).toBeInTheDocument();
  });

  it('says beside the chooser when the app no longer knows the file', async () => {
    invokeMock.mockImplementation(async (command) => {
      if (command === 'choose_file') return VCARD;
      throw { kind: 'not-found', field: 'file', message: 'the chosen file is no longer known; choose it again' };
    });
    const { chooser, choose } = setup();
    await choose(VCARD);
    expect(await screen.findByRole('alert')).toHaveTextContent('The chosen file is no longer known; choose it again.');
    expect(chooser).toHaveAccessibleDescription(/The chosen file is no longer known; choose it again\.$/);
    expect(screen.queryByRole('heading', { name: /holds$/ })).toBeNull();
  });

  it('shows how far the core has read and saved, is busy meanwhile, and never imports twice', async () => {
    let progress: ImportArgs['progress'] = { onmessage: () => {} };
    let finish: () => void = () => {};
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'choose_file') return dialog.shift() ?? null;
      if (command !== 'import_contacts_file') return null;
      const { how } = args as ImportArgs;
      progress = (args as ImportArgs).progress;
      return new Promise((resolve) => (finish = () => resolve(contactsReport(how.dry_run))));
    });
    const { user, chooser, choose } = setup();
    const section = screen.getByRole('region', { name: 'Import contacts' });
    const status = within(section).getByRole('status');
    expect(status.textContent).toBe('');
    await choose(chosenFile({ token: 'file-3', name: 'big.vcf', bytes: 2_400_000, format: 'vcard' }));
    expect(calls('import_contacts_file')[0]).toMatchObject({ token: 'file-3', how: { format: 'vcard', dry_run: true } });

    // Before the core's first message: a bar that only says it is working.
    const bar = (name: string) => screen.getByRole('progressbar', { name });
    const checking = await screen.findByRole('progressbar', { name: 'Checking big.vcf' });
    expect(checking).not.toHaveAttribute('value');
    expect(checking).toHaveAccessibleDescription('Checking big.vcf…');
    expect(status).toHaveTextContent('Checking big.vcf…');
    expect(section).toHaveAttribute('aria-busy', 'true');
    expect(section).toHaveTextContent('Large files can take a moment.');
    expect(chooser).toBeDisabled();

    // Reading: bytes of the file, with the contacts found so far.
    progress.onmessage({ stage: 'reading', done: 816_000, total: 2_400_000, contacts: 1200 });
    await waitFor(() => expect(bar('Checking big.vcf')).toHaveAccessibleDescription('Reading big.vcf: 1,200 contacts, 34%'));
    expect(bar('Checking big.vcf')).toHaveAttribute('max', '2400000');
    expect(bar('Checking big.vcf')).toHaveAttribute('value', '816000');
    expect(status).toHaveTextContent('Reading big.vcf: 30% done');
    // The screen reader's status only changes every tenth of the way.
    progress.onmessage({ stage: 'reading', done: 912_000, total: 2_400_000, contacts: 1350 });
    await waitFor(() => expect(screen.getByText('Reading big.vcf: 1,350 contacts, 38%')).toBeInTheDocument());
    expect(status).toHaveTextContent('Reading big.vcf: 30% done');

    finish();
    const checked = (await screen.findByRole('heading', { name: 'What big.vcf holds' })).parentElement!;
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/Reading big\.vcf/)).toBeNull();
    expect(status.textContent).toBe('');
    expect(section).not.toHaveAttribute('aria-busy');

    const button = within(checked).getByRole('button', { name: 'Import 3 contacts' });
    await user.click(button);
    expect(await screen.findByRole('progressbar', { name: 'Importing big.vcf' })).not.toHaveAttribute('value');
    expect(status).toHaveTextContent('Importing big.vcf…');
    expect(section).toHaveAttribute('aria-busy', 'true');
    expect(button).toBeDisabled();
    expect(chooser).toBeDisabled();
    await user.click(button);
    expect(hows().filter((how) => !how.dry_run)).toHaveLength(1);

    // Saving: customers saved of those to save.
    progress.onmessage({ stage: 'reading', done: 2_400_000, total: 2_400_000, contacts: 12_000 });
    progress.onmessage({ stage: 'saving', done: 5000, total: 12_000, contacts: 12_000 });
    await waitFor(() => expect(bar('Importing big.vcf')).toHaveAccessibleDescription('Saving 5,000 of 12,000 customers'));
    expect(bar('Importing big.vcf')).toHaveAttribute('max', '12000');
    expect(bar('Importing big.vcf')).toHaveAttribute('value', '5000');
    expect(status).toHaveTextContent('Saving the customers: 40% done');

    finish();
    expect(await screen.findByRole('heading', { name: 'Imported 3 contacts' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/Saving/)).toBeNull();
    expect(status.textContent).toBe('');
    expect(section).not.toHaveAttribute('aria-busy');
  });

  it('drops the progress of a dry run the duplicates choice has replaced', async () => {
    const runs: { how: How; progress: ImportArgs['progress']; finish: () => void }[] = [];
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'choose_file') return dialog.shift() ?? null;
      if (command !== 'import_contacts_file') return null;
      const { how, progress } = args as ImportArgs;
      return new Promise((resolve) => runs.push({ how, progress, finish: () => resolve(contactsReport(how.dry_run, how.duplicates)) }));
    });
    const { user, choose } = setup();
    await choose(VCARD);
    await waitFor(() => expect(runs).toHaveLength(1));
    runs[0].finish();
    const checked = (await screen.findByRole('heading', { name: 'What contacts.vcf holds' })).parentElement!;

    await user.click(within(checked).getByLabelText('Skip: leave them as they are'));
    await user.click(within(checked).getByLabelText('Merge: add what the file knows that they lack (emails, phones, tags, dates); nothing you entered changes'));
    await waitFor(() => expect(runs).toHaveLength(3));
    runs[1].progress.onmessage({ stage: 'reading', done: 10, total: 100, contacts: 1 });
    runs[2].progress.onmessage({ stage: 'reading', done: 60, total: 100, contacts: 6 });
    await waitFor(() => expect(screen.getByText('Reading contacts.vcf: 6 contacts, 60%')).toBeInTheDocument());
    runs[1].progress.onmessage({ stage: 'reading', done: 20, total: 100, contacts: 2 });
    runs[1].finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByText('Reading contacts.vcf: 6 contacts, 60%')).toBeInTheDocument();
    expect(within(checked).getByText('1 contact already here: merged into them')).toBeInTheDocument();
    runs[2].finish();
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(within(checked).getByText('1 contact already here: merged into them')).toBeInTheDocument();
  });

  it('says so when the undo is refused because a merged customer changed since', async () => {
    const { user, choose } = setup();
    await choose(VCARD);
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
