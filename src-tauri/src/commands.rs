//! Tauri commands: each takes the façade, calls one use case and maps the error.
//! `async` so store work (a flush per write) runs off the UI thread.

use regulars::listing::{CustomerPage, CustomerQuery};
use regulars::model::{Customer, CustomerDraft, InteractionDraft, TimelineEntry};
use regulars::search::CustomerMatch;
use regulars::ErrorReport;
use tauri::State;

use crate::Backend;

type Answer<T> = Result<T, ErrorReport>;

#[tauri::command(async)]
pub fn list_archived_customers(backend: State<'_, Backend>) -> Answer<Vec<Customer>> {
    backend.get()?.archived_customers().map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn get_customer(backend: State<'_, Backend>, id: String) -> Answer<Customer> {
    backend.get()?.customer(&id).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn add_customer(backend: State<'_, Backend>, draft: CustomerDraft) -> Answer<Customer> {
    backend.get()?.add_customer(&draft).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn update_customer(
    backend: State<'_, Backend>,
    id: String,
    draft: CustomerDraft,
) -> Answer<Customer> {
    backend
        .get()?
        .update_customer(&id, &draft)
        .map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn archive_customer(backend: State<'_, Backend>, id: String) -> Answer<Customer> {
    backend.get()?.archive_customer(&id).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn restore_customer(backend: State<'_, Backend>, id: String) -> Answer<Customer> {
    backend.get()?.restore_customer(&id).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn delete_customer(backend: State<'_, Backend>, id: String) -> Answer<()> {
    backend.get()?.delete_customer(&id).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn timeline(backend: State<'_, Backend>, id: String) -> Answer<Vec<TimelineEntry>> {
    backend.get()?.timeline(&id).map_err(|e| e.report())
}

/// Logs an interaction; answers with the id of the new timeline entry.
#[tauri::command(async)]
pub fn log_interaction(
    backend: State<'_, Backend>,
    customer_id: String,
    draft: InteractionDraft,
) -> Answer<String> {
    let app = backend.get()?;
    let logged = app
        .log_interaction(&customer_id, &draft)
        .map_err(|e| e.report())?;
    Ok(logged.id.to_string())
}

#[tauri::command(async)]
pub fn quick_note_draft(backend: State<'_, Backend>) -> Answer<Option<String>> {
    backend.get()?.quick_note_draft().map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn save_quick_note_draft(backend: State<'_, Backend>, text: String) -> Answer<()> {
    backend
        .get()?
        .save_quick_note_draft(&text)
        .map_err(|e| e.report())
}

/// The best matches for what the owner typed, for pickers and the command palette.
#[tauri::command(async)]
pub fn find_customers(
    backend: State<'_, Backend>,
    query: String,
    limit: u32,
) -> Answer<Vec<CustomerMatch>> {
    Ok(backend
        .get()?
        .find_customers(&query, limit.min(200) as usize))
}

/// One page of the customer list, filtered and sorted by the core.
#[tauri::command(async)]
pub fn query_customers(backend: State<'_, Backend>, query: CustomerQuery) -> Answer<CustomerPage> {
    Ok(backend.get()?.list_customers(&query))
}

/// "Try with sample data": adds up to 5000 realistic customers tagged `demo`.
#[tauri::command(async)]
pub fn seed_demo(backend: State<'_, Backend>, count: u32) -> Answer<u32> {
    let added = backend
        .get()?
        .seed_demo(count.min(5000) as usize, 1)
        .map_err(|e| e.report())?;
    Ok(added as u32)
}
