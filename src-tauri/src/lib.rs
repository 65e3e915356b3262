//! The desktop shell: opens the owner's data, registers the commands and plugins,
//! starts the window, the tray and the reminder scheduler. Every rule lives in the
//! `regulars` core; this crate only adapts.

mod backend;
mod chosen;
mod commands;
mod login;
pub mod notifications;
mod scheduler;
mod tray;

use std::sync::Arc;

use tauri::Manager;

pub use backend::Backend;

use scheduler::SchedulerHandle;

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
        .plugin(login::plugin())
        // Opened from Rust only (see `chosen`); none of its commands is granted.
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            app.manage(Backend::open_default());
            app.manage(chosen::ChosenFiles::default());
            let handle = app.handle().clone();
            app.manage(tray::install(&handle));
            let opener = handle.clone();
            let on_click = Arc::new(move || {
                let app = opener.clone();
                let main = app.clone();
                // Windows are handled on the main thread.
                let _ = main.run_on_main_thread(move || tray::open_today(&app));
            });
            app.manage(SchedulerHandle::start(handle.clone(), on_click));
            quit_on_terminate(handle);
            // Started at login: stay in the tray until the owner opens the window.
            if std::env::args().any(|a| a == login::MINIMIZED) && app.state::<tray::Tray>().exists()
            {
                if let Some(window) = app.get_webview_window("main") {
                    let _ = window.hide();
                }
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            // With a tray, closing the window keeps Regulars running so reminders
            // still arrive; Quit is in the tray menu.
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if window.app_handle().state::<tray::Tray>().exists() {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
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
            commands::seed_demo,
            commands::agenda,
            commands::reminder_done,
            commands::reminder_dismiss,
            commands::reminder_snooze,
            commands::reminder_undo,
            commands::get_settings,
            commands::save_settings,
            commands::list_segments,
            commands::save_segment,
            commands::update_segment,
            commands::delete_segment,
            commands::matching_customer_ids,
            commands::bulk_edit,
            commands::render_message,
            commands::send_message,
            commands::message_links,
            commands::list_templates,
            commands::save_template,
            commands::delete_template,
            commands::restore_default_templates,
            commands::preview_template,
            commands::add_order,
            commands::update_order,
            commands::delete_order,
            commands::list_orders,
            commands::list_products,
            commands::add_product,
            commands::update_product,
            commands::import_orders_file,
            commands::insights,
            commands::customer_insight,
            commands::add_feedback,
            commands::list_feedback,
            commands::open_complaint,
            commands::acknowledge_complaint,
            commands::resolve_complaint,
            commands::close_complaint,
            commands::list_complaints,
            commands::complaints_overview,
            commands::backup_now,
            commands::list_backups,
            commands::restore_preview,
            commands::restore_backup,
            commands::restore_preview_file,
            commands::restore_backup_file,
            commands::erase_customer,
            commands::export_customer,
            commands::export_data,
            commands::choose_file,
            commands::preview_contacts_file,
            commands::import_contacts_file,
            commands::list_imports,
            commands::undo_import
        ])
        .build(tauri::generate_context!())
        .expect("the Regulars window could not start")
        .run(|app, event| {
            // Tauri exits without dropping managed state; stop the scheduler and
            // close the store ourselves.
            if let tauri::RunEvent::Exit = event {
                app.state::<SchedulerHandle>().stop();
                app.state::<Backend>().close();
            }
        });
}

/// With the window closed to the tray, a logout, shutdown or `kill` is how the
/// app is usually stopped; let it exit through the normal path (store closed).
#[cfg(unix)]
fn quit_on_terminate(app: tauri::AppHandle) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    match signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) {
        Ok(mut signals) => {
            std::thread::spawn(move || {
                if signals.forever().next().is_some() {
                    app.exit(0);
                }
            });
        }
        Err(e) => eprintln!("regulars: cannot watch for shutdown signals: {e}"),
    }
}

#[cfg(not(unix))]
fn quit_on_terminate(_app: tauri::AppHandle) {}

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
