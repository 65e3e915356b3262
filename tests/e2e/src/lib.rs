//! Harness for end-to-end tests: launches the real built Regulars through
//! tauri-driver (which drives WebKitWebDriver), and finds controls the way a
//! person does — by their visible label and role.
//!
//! Needs a display (scripts/test runs under Xvfb) and `tauri-driver` on PATH.
//! The binary defaults to the `regulars-app` beside this test's target
//! directory; `REGULARS_APP_BIN` overrides it.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::sync::{Mutex, MutexGuard};

/// One app at a time: the app is single-instance, so a second copy would hand over and exit.
static ONE_APP: Mutex<()> = Mutex::const_new(());

/// The `regulars` command-line binary built beside the app.
pub fn cli_binary() -> PathBuf {
    let bin = app_binary().with_file_name("regulars");
    assert!(
        bin.exists(),
        "{} is missing: build the workspace first",
        bin.display()
    );
    bin
}

pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("REGULARS_APP_BIN") {
        return PathBuf::from(p);
    }
    let exe = std::env::current_exe().expect("test binary path");
    // target/<profile>/deps/<test> → target/<profile>/regulars-app
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .expect("target dir")
        .join("regulars-app");
    assert!(
        bin.exists(),
        "{} is missing: build the app first (scripts/test does), or set REGULARS_APP_BIN",
        bin.display()
    );
    bin
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// A running app, with its own tauri-driver, on a given data directory.
pub struct RunningApp {
    pub client: Client,
    driver: Child,
    data_dir: PathBuf,
    _guard: MutexGuard<'static, ()>,
}

impl RunningApp {
    /// Launches the app on `data_dir` (through `REGULARS_DATA_DIR`) and waits until
    /// its window has loaded.
    pub async fn launch(data_dir: &Path) -> RunningApp {
        Self::launch_with(&[("REGULARS_DATA_DIR", data_dir)], data_dir).await
    }

    /// Launches the app with no data-directory override and `XDG_DATA_HOME` set, so it
    /// uses the platform's app-data directory under `xdg_data_home`.
    pub async fn launch_in_platform_dir(xdg_data_home: &Path) -> RunningApp {
        let data_dir = xdg_data_home.join(regulars::paths::APP_IDENTIFIER);
        Self::launch_with(&[("XDG_DATA_HOME", xdg_data_home)], &data_dir).await
    }

    async fn launch_with(env: &[(&str, &Path)], data_dir: &Path) -> RunningApp {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no DISPLAY: run the end-to-end tests under Xvfb (scripts/test does)"
        );
        let guard = ONE_APP.lock().await;
        wait_until_no_app_runs().await;
        let port = free_port();
        let native_port = free_port();
        let driver = Command::new(std::env::var("TAURI_DRIVER").unwrap_or("tauri-driver".into()))
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env_remove("REGULARS_DATA_DIR")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver could not start: install it with `cargo install tauri-driver`");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "tauri-driver did not listen"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary() }),
        );
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session with the app");
        let app = RunningApp {
            client,
            driver,
            data_dir: data_dir.to_owned(),
            _guard: guard,
        };
        app.wait_for(Locator::Css("main h1")).await;
        app
    }

    /// Kills the app with SIGKILL, as a crash or a power-off would, and waits until
    /// the store is free. The WebDriver session dies with it.
    pub async fn kill(mut self) {
        for pid in app_pids() {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        wait_until_no_app_runs().await;
        wait_until_store_released(&self.data_dir).await;
    }

    /// Goes to a section of the sidebar ("Today", "Customers", "Settings") and
    /// waits for its page.
    pub async fn open_section(&self, name: &str) {
        self.wait_for(Locator::XPath(&format!(
            "//nav[@aria-label='Sections']//a[starts-with(normalize-space(), '{name}')]"
        )))
        .await
        .click()
        .await
        .expect("the section link can be clicked");
        self.wait_for(Locator::XPath(&format!(
            "//main//h1[starts-with(normalize-space(), '{name}')]"
        )))
        .await;
    }

    /// Presses a key with Ctrl and Shift held, on whatever has focus.
    pub async fn press_ctrl_shift(&self, key: char) {
        // WebDriver key codes: U+E009 Control, U+E008 Shift, U+E000 releases them.
        let keys = format!("\u{E009}\u{E008}{key}\u{E000}");
        let focused = self
            .client
            .active_element()
            .await
            .expect("a focused element");
        focused.send_keys(&keys).await.expect("keys");
    }

    /// Runs JavaScript in the page and returns its JSON result.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script ran")
    }

    /// Closes the window and waits until the app process is gone (so the store is released).
    /// Ends the session and stops the app as a logout would (SIGTERM): closing
    /// the window only hides it in the tray, and the app then closes its store.
    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        for pid in app_pids() {
            let _ = Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
        }
        wait_until_no_app_runs().await;
        // A process leaves the process table a moment before the kernel drops its
        // file locks; what the next step needs is the store itself free.
        wait_until_store_released(&self.data_dir).await;
    }

    pub async fn wait_for(&self, locator: Locator<'_>) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(locator)
            .await
            .unwrap_or_else(|e| panic!("{locator:?} did not appear: {e}"))
    }

    /// The form control whose `<label>` reads exactly `label`.
    pub async fn field(&self, label: &str) -> Element {
        let label_el = self
            .wait_for(Locator::XPath(&format!(
                "//label[normalize-space()='{label}']"
            )))
            .await;
        match label_el.attr("for").await.expect("label attribute") {
            Some(id) => self.wait_for(Locator::Id(&id)).await,
            None => label_el
                .find(Locator::Css("input, select, textarea"))
                .await
                .unwrap_or_else(|_| panic!("label {label} has no control")),
        }
    }

    pub async fn type_into(&self, label: &str, text: &str) {
        let el = self.field(label).await;
        el.clear().await.expect("clear");
        el.send_keys(text).await.expect("type");
    }

    pub async fn choose(&self, label: &str, value: &str) {
        self.field(label)
            .await
            .select_by_value(value)
            .await
            .expect("select option");
    }

    pub async fn click_button(&self, name: &str) {
        self.wait_for(Locator::XPath(&format!(
            "//button[normalize-space()='{name}']"
        )))
        .await
        .click()
        .await
        .expect("click");
    }

    /// The visible names in the customer list. The list re-renders as pages
    /// arrive, so a read that meets a replaced row is simply read again.
    pub async fn listed_names(&self) -> Vec<String> {
        for _ in 0..20 {
            if let Ok(names) = self.try_listed_names().await {
                return names;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the customer list kept changing under the reader");
    }

    async fn try_listed_names(&self) -> Result<Vec<String>, fantoccini::error::CmdError> {
        let list = self
            .wait_for(Locator::Css("ul[aria-label='Customers']"))
            .await;
        let mut names = Vec::new();
        for item in list.find_all(Locator::Css("li .customer-name")).await? {
            names.push(item.text().await?);
        }
        Ok(names)
    }

    /// Waits until the customer list shows `name`; on failure saves a screenshot
    /// (tests/e2e/artifacts/failure.png) to show what the window looked like.
    pub async fn wait_listed(&self, name: &str) {
        let started = Instant::now();
        while !self.listed_names().await.iter().any(|n| n == name) {
            if started.elapsed() > Duration::from_secs(10) {
                let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/failure.png");
                self.screenshot(&shot).await;
                panic!("{name} never appeared in the list (see {})", shot.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a PNG of the window to `path`.
    pub async fn screenshot(&self, path: &Path) {
        let png = self.client.screenshot().await.expect("screenshot");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(path, png).unwrap();
    }
}

/// One window manager at a time: a second would find the display taken.
static ONE_WINDOW_MANAGER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A real window manager (openbox) for the length of a test: it closes windows
/// as the title bar's × does and gives a new dialog the keyboard. Tests that
/// start one take turns (each test has its own thread, so blocking is fine).
pub struct WindowManager {
    openbox: Child,
    _turn: std::sync::MutexGuard<'static, ()>,
}

impl WindowManager {
    pub fn start() -> WindowManager {
        let turn = ONE_WINDOW_MANAGER
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let openbox = Command::new("openbox")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openbox is installed (scripts/setup.sh installs it)");
        WindowManager {
            openbox,
            _turn: turn,
        }
    }
}

impl Drop for WindowManager {
    fn drop(&mut self) {
        let _ = self.openbox.kill();
        let _ = self.openbox.wait();
    }
}

/// Answers the system's file dialog titled `title` (the real GTK one, under a
/// [`WindowManager`]) as the owner would with the keyboard: Ctrl+L, the
/// file's path, Enter.
pub async fn answer_file_dialog(title: &str, file: &Path) {
    let started = Instant::now();
    let window = loop {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", &format!("^{title}$")])
            .output()
            .expect("xdotool is installed (scripts/setup.sh installs it)");
        let ids = String::from_utf8_lossy(&found.stdout).to_string();
        if let Some(id) = ids.lines().next() {
            break id.to_owned();
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "no file dialog titled {title} appeared"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let path = file.to_str().expect("a UTF-8 path");
    let xdotool = |args: &[&str]| {
        let ok = Command::new("xdotool")
            .args(args)
            .status()
            .expect("xdotool");
        assert!(ok.success(), "xdotool {args:?} failed");
    };
    xdotool(&["windowactivate", "--sync", &window]);
    // The dialog takes a moment after mapping before it reads keys.
    tokio::time::sleep(Duration::from_millis(400)).await;
    xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
    xdotool(&["type", "--delay", "15", path]);
    tokio::time::sleep(Duration::from_millis(200)).await;
    xdotool(&["key", "Return"]);
}

/// Waits until no process holds the store's lock in `data_dir`. It only tries the
/// lock: opening the store here would run sled's recovery and close it cleanly,
/// hiding what the app itself left behind from the next launch.
async fn wait_until_store_released(data_dir: &Path) {
    let lock = data_dir.join(regulars::store::LOCK_FILE);
    let started = Instant::now();
    loop {
        match std::fs::File::open(&lock) {
            Err(_) => return, // never opened: nothing to wait for
            Ok(f) if f.try_lock().is_ok() => return,
            Ok(_) => {}
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the app still holds {} after quitting",
            lock.display()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Whether any process runs the app binary.
pub fn app_is_running() -> bool {
    !app_pids().is_empty()
}

/// Process ids running the app binary.
fn app_pids() -> Vec<u32> {
    let bin = app_binary().canonicalize().unwrap_or_else(|_| app_binary());
    std::fs::read_dir("/proc")
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| std::fs::read_link(e.path().join("exe")).is_ok_and(|exe| exe == bin))
                .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse().ok()))
                .collect()
        })
        .unwrap_or_default()
}

/// Waits for every process running the app binary to exit.
async fn wait_until_no_app_runs() {
    let started = Instant::now();
    while !app_pids().is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the app did not exit"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
