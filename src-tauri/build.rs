fn main() {
    // Listing the commands makes tauri-build generate an `allow-<command>`
    // permission for each; without this list every command would be reachable
    // by any window. The capability file then grants exactly these.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&["list_customers", "add_customer"]),
    ))
    .expect("tauri-build failed");
}
