fn main() {
    // Listing the commands makes tauri-build generate an `allow-<command>`
    // permission for each; without this list every command would be reachable
    // by any window. The capability file then grants exactly these.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "list_archived_customers",
            "get_customer",
            "add_customer",
            "update_customer",
            "archive_customer",
            "restore_customer",
            "delete_customer",
            "timeline",
            "log_interaction",
            "quick_note_draft",
            "save_quick_note_draft",
            "find_customers",
            "query_customers",
            "seed_demo",
            "agenda",
            "reminder_done",
            "reminder_dismiss",
            "reminder_snooze",
            "reminder_undo",
            "get_settings",
            "save_settings",
            "list_segments",
            "save_segment",
            "update_segment",
            "delete_segment",
            "matching_customer_ids",
            "bulk_edit",
            "render_message",
            "send_message",
            "message_links",
            "list_templates",
            "save_template",
            "delete_template",
            "restore_default_templates",
            "preview_template",
        ]),
    ))
    .expect("tauri-build failed");
}
