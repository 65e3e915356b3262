//! Files the owner chose in the system's file dialog. The dialog is opened
//! from here, not from the window, and the window only ever holds a token for
//! what was chosen: no command takes a path, so a compromised page cannot make
//! the app read a file the owner did not pick.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use regulars::import::{ChosenFile, ContactsFormat, FileKind};
use regulars::ErrorReport;
use tauri::{Runtime, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

/// The files chosen so far, by token. A handful per session: never pruned.
#[derive(Default)]
pub struct ChosenFiles {
    files: Mutex<HashMap<String, PathBuf>>,
}

impl ChosenFiles {
    /// Opens the file dialog over `window` for a `kind` file; `None` when the
    /// owner closes it without choosing. Blocks until then: call it off the
    /// main thread (async commands are).
    pub fn choose<R: Runtime>(
        &self,
        window: &WebviewWindow<R>,
        kind: FileKind,
    ) -> Result<Option<ChosenFile>, ErrorReport> {
        let (title, filter, extensions): (&str, &str, &[&str]) = match kind {
            FileKind::Contacts => (
                "Choose a contacts file",
                "Contacts (vCard, CSV)",
                &["vcf", "vcard", "csv"],
            ),
            FileKind::Orders => ("Choose an orders file", "Orders (CSV)", &["csv"]),
            FileKind::Backup => (
                "Choose a backup to restore",
                "Regulars backups (JSON)",
                &["json"],
            ),
        };
        let picked = window
            .dialog()
            .file()
            .set_parent(window)
            .set_title(title)
            .add_filter(filter, extensions)
            .add_filter("All files", &["*"])
            .blocking_pick_file();
        let Some(picked) = picked else {
            return Ok(None);
        };
        let path = picked.into_path().map_err(|e| ErrorReport {
            kind: "invalid".into(),
            field: Some("file".into()),
            message: format!("the chosen file is not on this computer's disk ({e})"),
        })?;
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let format = ContactsFormat::of(&name, &head(&path));
        let mut files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        let token = (files.len() + 1).to_string();
        files.insert(token.clone(), path);
        Ok(Some(ChosenFile {
            token,
            name,
            bytes,
            format,
        }))
    }

    /// The path of a file chosen earlier.
    pub fn path(&self, token: &str) -> Result<PathBuf, ErrorReport> {
        let files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        files.get(token).cloned().ok_or_else(|| ErrorReport {
            kind: "not-found".into(),
            field: Some("file".into()),
            message: "that file was not chosen in the file dialog; choose it again".into(),
        })
    }
}

/// The first bytes of a file, to tell a vCard from a CSV without a telling name.
fn head(path: &Path) -> Vec<u8> {
    use std::io::Read;
    let mut head = Vec::with_capacity(64);
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.take(64).read_to_end(&mut head);
    }
    head
}
