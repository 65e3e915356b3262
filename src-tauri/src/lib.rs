//! The desktop shell: opens the owner's data, registers the commands and plugins,
//! and starts the window. Every rule lives in the `regulars` core; this crate only adapts.

mod backend;
mod commands;
pub mod notifications;

use tauri::Manager;

pub use backend::Backend;

/// Starts the desktop app (blocks until it quits).
pub fn run() {
    tauri::Builder::default()
        // First, so a second launch hands over to the running instance before
        // it tries to open the store (sled allows one process) and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        // Links in notes open in the system browser; the capability limits which.
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            app.manage(Backend::open_default());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_archived_customers,
            commands::get_customer,
            commands::add_customer,
            commands::update_customer,
            commands::archive_customer,
            commands::restore_customer,
            commands::delete_customer,
            commands::timeline,
            commands::log_interaction,
            commands::quick_note_draft,
            commands::save_quick_note_draft,
            commands::find_customers,
            commands::query_customers,
            commands::seed_demo
        ])
        .build(tauri::generate_context!())
        .expect("the Regulars window could not start")
        .run(|app, event| {
            // Tauri exits without dropping managed state; close the store ourselves.
            if let tauri::RunEvent::Exit = event {
                app.state::<Backend>().close();
            }
        });
}

#[cfg(test)]
mod tests {
    /// The app's data directory (from the identifier in tauri.conf.json) must be the CLI's.
    #[test]
    fn the_app_identifier_is_the_one_the_cli_uses() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        assert_eq!(conf["identifier"], regulars::paths::APP_IDENTIFIER);
    }
}
