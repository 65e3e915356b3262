//! Bringing customers in from contact files (vCard, CSV): each contact is
//! judged like one typed in, matched against the customers already there (by
//! email, then phone, then name), merged or skipped, and the whole import is one
//! batch that can be undone. A dry run reports the same and writes nothing.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Regulars;
use crate::error::{Error, Result};
use crate::import::{
    Contact, DuplicateFound, Duplicates, ImportProblem, ImportProgress, ImportReport, ImportStage,
};
use crate::model::{
    name_key, validate_edit, validate_interaction, validate_new_customer, Customer, CustomerDraft,
    CustomerId, Interaction, InteractionDraft, InteractionKind, ValidationError,
};

/// Customers are written in chunks of this many, each chunk one transaction
/// that also extends the batch record, so a crash leaves an undoable batch.
const CHUNK: usize = 5000;
/// Contacts read between two progress reports: often enough for a smooth bar,
/// rare enough to cost nothing.
const PROGRESS_EVERY: u64 = 100;

/// Progress while reading; the caller knows the bytes.
fn reading(contacts: u64) -> ImportProgress {
    ImportProgress {
        stage: ImportStage::Reading,
        done: 0,
        total: 0,
        contacts,
    }
}

/// An import, as remembered for undo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportBatch {
    pub id: String,
    /// What was imported ("contacts.vcf").
    pub source: String,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub created: Vec<CustomerId>,
    /// Customers the import added to: their record before and after, as stored.
    #[ts(skip)]
    pub merged: Vec<(CustomerId, Vec<u8>, Vec<u8>)>,
    pub merged_count: u64,
}

fn digits(phone: &str) -> String {
    let d: String = phone.chars().filter(char::is_ascii_digit).collect();
    // The last 9 digits: "+46 70 123 45 67" and "070-123 45 67" are one number.
    d.chars().skip(d.len().saturating_sub(9)).collect()
}

/// Where existing (and just-imported) customers are found by email, phone and name.
#[derive(Default)]
struct Known {
    by_email: HashMap<String, usize>,
    by_phone: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    customers: Vec<Customer>,
    /// Index of customers this import creates (so two rows of one person merge).
    new_from: usize,
}

impl Known {
    fn add(&mut self, c: Customer) -> usize {
        let at = self.customers.len();
        self.index(at, &c);
        self.customers.push(c);
        at
    }

    fn index(&mut self, at: usize, c: &Customer) {
        for e in &c.emails {
            self.by_email.entry(e.to_lowercase()).or_insert(at);
        }
        for p in &c.phones {
            let d = digits(p);
            if d.len() >= 6 {
                self.by_phone.entry(d).or_insert(at);
            }
        }
        let names = self.by_name.entry(name_key(&c.name)).or_default();
        if !names.contains(&at) {
            names.push(at);
        }
    }

    fn find(&self, draft: &CustomerDraft) -> Option<(usize, &'static str)> {
        if let Some(at) = draft
            .emails
            .iter()
            .find_map(|e| self.by_email.get(&e.trim().to_lowercase()))
        {
            return Some((*at, "email"));
        }
        if let Some(at) = draft.phones.iter().find_map(|p| {
            let d = digits(p);
            (d.len() >= 6).then(|| self.by_phone.get(&d)).flatten()
        }) {
            return Some((*at, "phone"));
        }
        // The same name is the same person only when nothing says otherwise:
        // two Anna Bergs with different emails (or phones) are two customers.
        let differs = |mine: &[String], theirs: &[String]| !mine.is_empty() && !theirs.is_empty();
        match self.by_name.get(&name_key(&draft.name)).map(Vec::as_slice) {
            Some([one])
                if !differs(&self.customers[*one].emails, &draft.emails)
                    && !differs(&self.customers[*one].phones, &draft.phones) =>
            {
                Some((*one, "name"))
            }
            _ => None,
        }
    }
}

/// `existing` with what `incoming` knows and it lacks; never overwrites what
/// the owner entered.
fn merged_draft(existing: &Customer, incoming: &CustomerDraft) -> CustomerDraft {
    let mut d = CustomerDraft::from_customer(existing);
    let add = |list: &mut Vec<String>, more: &[String], key: fn(&str) -> String| {
        for m in more {
            if !m.trim().is_empty() && !list.iter().any(|x| key(x) == key(m)) {
                list.push(m.trim().to_owned());
            }
        }
    };
    add(&mut d.emails, &incoming.emails, |s| s.trim().to_lowercase());
    add(&mut d.phones, &incoming.phones, digits);
    add(&mut d.tags, &incoming.tags, |s| s.trim().to_lowercase());
    for (mine, theirs) in [
        (&mut d.given_name, &incoming.given_name),
        (&mut d.family_name, &incoming.family_name),
        (&mut d.nickname, &incoming.nickname),
        (&mut d.company, &incoming.company),
        (&mut d.role, &incoming.role),
        (&mut d.source, &incoming.source),
        (&mut d.birthday, &incoming.birthday),
    ] {
        if mine.as_deref().is_none_or(|m| m.trim().is_empty()) {
            mine.clone_from(theirs);
        }
    }
    if d.channel.is_none() {
        d.channel = incoming.channel;
    }
    for date in &incoming.dates {
        if !d
            .dates
            .iter()
            .any(|x| name_key(&x.label) == name_key(&date.label))
        {
            d.dates.push(date.clone());
        }
    }
    if d.addresses.is_empty() {
        d.addresses.clone_from(&incoming.addresses);
    }
    for f in &incoming.custom_fields {
        if !d.custom_fields.iter().any(|x| x.label == f.label) {
            d.custom_fields.push(f.clone());
        }
    }
    d
}

/// The import's own note, for the owner: where each customer came from.
fn note_for(contact_note: Option<&str>) -> Option<String> {
    contact_note
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
}

impl Regulars {
    /// Imports contacts (already read from a file by an importer). Every
    /// contact that breaks a rule, or that the importer could not read, is
    /// reported with its line; duplicates of existing customers are merged or
    /// skipped as asked. `progress` hears how many contacts were read (every
    /// `PROGRESS_EVERY`; the bytes are the caller's to fill in) and then how
    /// many customers are saved, chunk by chunk.
    pub fn import_contacts(
        &self,
        source: &str,
        contacts: impl Iterator<Item = std::result::Result<Contact, ImportProblem>>,
        duplicates: Duplicates,
        dry_run: bool,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport> {
        let _w = self.write_lock();
        let now = self.clock.now();
        let today = self.clock.today();
        let mut known = Known::default();
        for c in self.store.customers()? {
            known.add(c);
        }
        known.new_from = known.customers.len();
        let mut report = ImportReport {
            dry_run,
            ..Default::default()
        };
        // Customers merged by this import: index → their record before.
        let mut before: HashMap<usize, Customer> = HashMap::new();
        let mut notes: Vec<Interaction> = Vec::new();
        let mut read = 0_u64;
        for item in contacts {
            read += 1;
            if read.is_multiple_of(PROGRESS_EVERY) {
                progress(reading(read));
            }
            let contact = match item {
                Ok(c) => c,
                Err(problem) => {
                    report.skipped += 1;
                    report.errors.push(problem);
                    continue;
                }
            };
            let line = contact.line;
            let problem = |e: ValidationError| ImportProblem {
                line,
                message: format!("{}: {}", e.field, e.message),
            };
            let found = known.find(&contact.draft);
            let target = match found {
                Some((at, by)) => {
                    let existing = &known.customers[at];
                    report.duplicates.push(DuplicateFound {
                        line,
                        name: contact.draft.name.clone(),
                        customer_id: existing.id.to_string(),
                        customer_name: existing.name.clone(),
                        matched_by: by.into(),
                    });
                    if duplicates == Duplicates::Skip {
                        report.skipped += 1;
                        continue;
                    }
                    let draft = merged_draft(existing, &contact.draft);
                    match validate_edit(existing, &draft, now, today) {
                        Ok(edited) => {
                            if at < known.new_from {
                                before.entry(at).or_insert_with(|| existing.clone());
                            }
                            known.customers[at] = edited.clone();
                            known.index(at, &edited);
                            report.merged += u64::from(at < known.new_from);
                            at
                        }
                        Err(e) => {
                            report.skipped += 1;
                            report.errors.push(problem(e));
                            continue;
                        }
                    }
                }
                None => {
                    match validate_new_customer(&contact.draft, CustomerId::new_v7(), now, today) {
                        Ok(c) => {
                            report.new_customers += 1;
                            known.add(c)
                        }
                        Err(e) => {
                            report.skipped += 1;
                            report.errors.push(problem(e));
                            continue;
                        }
                    }
                }
            };
            report.imported += 1;
            if let Some(text) = note_for(contact.note.as_deref()) {
                let draft = InteractionDraft {
                    kind: InteractionKind::Note,
                    text,
                    ..Default::default()
                };
                let id = known.customers[target].id;
                match validate_interaction(&draft, id, self.clock.as_ref()) {
                    Ok(i) => notes.push(i),
                    Err(e) => report.errors.push(problem(e)),
                }
            }
        }
        progress(reading(read));
        report.errors.sort_by_key(|p| p.line);
        if dry_run || report.imported == 0 {
            return Ok(report);
        }
        let created: Vec<Customer> = known.customers[known.new_from..].to_vec();
        let merged: Vec<Customer> = before
            .keys()
            .map(|at| known.customers[*at].clone())
            .collect();
        let mut batch = ImportBatch {
            id: uuid::Uuid::now_v7().to_string(),
            source: source.to_owned(),
            at: now,
            created: Vec::new(),
            merged: Vec::new(),
            merged_count: merged.len() as u64,
        };
        let encode = |c: &Customer| serde_json::to_vec(c).unwrap_or_default();
        for (at, old) in &before {
            batch
                .merged
                .push((old.id, encode(old), encode(&known.customers[*at])));
        }
        // Notes go with their customer's chunk; merged customers with the first.
        let mut notes_of: HashMap<CustomerId, Vec<Interaction>> = HashMap::new();
        for n in notes {
            notes_of.entry(n.customer_id).or_default().push(n);
        }
        let chunks: Vec<&[Customer]> = if created.is_empty() {
            vec![&[]]
        } else {
            created.chunks(CHUNK).collect()
        };
        let to_save = (created.len() + merged.len()) as u64;
        let mut saved = 0_u64;
        for (n, chunk) in chunks.into_iter().enumerate() {
            progress(ImportProgress {
                stage: ImportStage::Saving,
                done: saved,
                total: to_save,
                contacts: read,
            });
            let mut customers: Vec<Customer> = chunk.to_vec();
            if n == 0 {
                customers.extend(merged.iter().cloned());
            }
            let chunk_notes: Vec<Interaction> = customers
                .iter()
                .flat_map(|c| notes_of.remove(&c.id).unwrap_or_default())
                .collect();
            batch.created.extend(chunk.iter().map(|c| c.id));
            self.store.put_import(&customers, &chunk_notes, &batch)?;
            self.indexed(&customers.iter().collect::<Vec<_>>());
            saved += customers.len() as u64;
        }
        progress(ImportProgress {
            stage: ImportStage::Saving,
            done: saved,
            total: to_save,
            contacts: read,
        });
        report.batch = Some(batch.id);
        Ok(report)
    }

    /// The imports that can still be undone, newest first.
    pub fn import_batches(&self) -> Result<Vec<ImportBatch>> {
        let mut all: Vec<ImportBatch> = self.store.import_batches()?;
        all.sort_by_key(|b| std::cmp::Reverse(b.at));
        Ok(all)
    }

    /// Undoes a whole import: removes the customers it created and puts back
    /// those it added to. Refused, naming them, when any changed since.
    pub fn undo_import(&self, batch_id: &str) -> Result<u64> {
        let _w = self.write_lock();
        let batch = self
            .store
            .import_batches()?
            .into_iter()
            .find(|b| b.id == batch_id)
            .ok_or_else(|| Error::ImportNotFound(batch_id.to_owned()))?;
        for (id, _, after) in &batch.merged {
            let now = self.store.customer(id)?;
            let same = now
                .as_ref()
                .is_some_and(|c| serde_json::to_vec(c).unwrap_or_default() == *after);
            if !same {
                let name = now.map_or_else(|| id.to_string(), |c| c.name);
                return Err(Error::UndoOutdated(format!("the import (customer {name})")));
            }
        }
        let mut removed = 0;
        for id in &batch.created {
            if let Some(c) = self.store.customer(id)? {
                self.remove_customer(&c)?;
                removed += 1;
            }
        }
        let restored: Vec<Customer> = batch
            .merged
            .iter()
            .filter_map(|(_, before, _)| serde_json::from_slice(before).ok())
            .collect();
        self.store.finish_undo_import(&batch.id, &restored)?;
        self.indexed(&restored.iter().collect::<Vec<_>>());
        Ok(removed)
    }
}
