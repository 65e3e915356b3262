//! Tauri commands: each takes the façade, calls one use case and maps the error.
//! `async` so store work (a flush per write) runs off the UI thread.

use regulars::model::{Customer, CustomerDraft};
use regulars::ErrorReport;
use tauri::State;

use crate::Backend;

#[tauri::command(async)]
pub fn list_customers(backend: State<'_, Backend>) -> Result<Vec<Customer>, ErrorReport> {
    backend.get()?.customers().map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn add_customer(
    backend: State<'_, Backend>,
    draft: CustomerDraft,
) -> Result<Customer, ErrorReport> {
    backend.get()?.add_customer(&draft).map_err(|e| e.report())
}
