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
        .setup(|app| {
            let backend = Backend::open(app.handle());
            app.manage(backend);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_customers,
            commands::add_customer
        ])
        .run(tauri::generate_context!())
        .expect("the Regulars window could not start");
}
