//! The tray icon: today's count, Open and Quit. With it, closing the window
//! leaves Regulars running so reminders still arrive. Where the desktop has no
//! tray (or its library is missing), closing the window quits as usual.

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Wry};

/// Managed state: the menu line that shows the count, if a tray exists.
pub struct Tray {
    count: Option<MenuItem<Wry>>,
}

impl Tray {
    pub fn exists(&self) -> bool {
        self.count.is_some()
    }
}

/// Shows and focuses the main window on the Today view.
pub fn open_today(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
        let _ = window.eval("window.location.hash = '#/today'");
    }
}

pub fn install(app: &AppHandle) -> Tray {
    // The Linux tray loads libayatana-appindicator at run time and panics if it
    // is absent; a missing tray must not stop the app.
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build(app)));
    match built {
        Ok(Ok(count)) => Tray { count: Some(count) },
        Ok(Err(e)) => {
            eprintln!("regulars: no tray icon ({e}); closing the window will quit");
            Tray { count: None }
        }
        Err(_) => {
            eprintln!("regulars: no tray icon on this desktop; closing the window will quit");
            Tray { count: None }
        }
    }
}

fn build(app: &AppHandle) -> tauri::Result<MenuItem<Wry>> {
    let count = MenuItem::with_id(app, "count", "Nothing due today", false, None::<&str>)?;
    let open = MenuItem::with_id(app, "open", "Open Regulars", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Regulars", true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&count, &separator, &open, &quit])?;
    let mut builder = TrayIconBuilder::with_id("main")
        .tooltip("Regulars")
        .menu(&menu)
        .show_menu_on_left_click(false)
        .on_menu_event(|app, event| match event.id.as_ref() {
            "open" => open_today(app),
            "quit" => app.exit(0),
            _ => {}
        })
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                open_today(tray.app_handle());
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(count)
}

/// Puts today's count on the tray menu and tooltip.
pub fn show_due(app: &AppHandle, due: usize) {
    let Some(tray) = app.try_state::<Tray>() else {
        return;
    };
    let Some(count) = &tray.count else {
        return;
    };
    let text = match due {
        0 => "Nothing due today".to_owned(),
        n => format!("{n} due today"),
    };
    let _ = count.set_text(&text);
    if let Some(icon) = app.tray_by_id("main") {
        let _ = icon.set_tooltip(Some(format!("Regulars: {}", text.to_lowercase())));
    }
}
