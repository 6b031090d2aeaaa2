//! A window that never opens must not leave a process hanging: under Wine without a usable
//! OpenGL, eframe waited forever in `wait_for_messages` with no window and no word. The watchdog
//! gives the window a time to open; if it has not, it says so and ends the process.

use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// How long the window has to open before the process gives up.
pub const WINDOW_TIMEOUT: Duration = Duration::from_secs(45);

/// Watches for the window to open; see the module docs.
#[derive(Debug, Clone)]
pub struct WindowWatchdog {
    opened: Sender<()>,
}

impl WindowWatchdog {
    /// Starts watching (a named thread): `on_timeout` runs if [`WindowWatchdog::opened`] is not
    /// called within `timeout`. Dropping every handle (the window failed with an error of its own,
    /// which is told elsewhere) stops the watch.
    pub fn start(timeout: Duration, on_timeout: impl FnOnce() + Send + 'static) -> std::io::Result<Self> {
        let (opened, arrived) = channel();
        std::thread::Builder::new().name("window-watchdog".into()).spawn(move || {
            if arrived.recv_timeout(timeout) == Err(RecvTimeoutError::Timeout) {
                on_timeout();
            }
        })?;
        Ok(Self { opened })
    }

    /// The window is open: the watch ends.
    pub fn opened(&self) {
        let _ = self.opened.send(());
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc::channel;
    use std::time::Duration;

    use super::WindowWatchdog;

    #[test]
    fn a_window_that_never_opens_is_given_up_on_and_one_that_opens_is_not() {
        let (fired, timed_out) = channel();
        let _never = WindowWatchdog::start(Duration::from_millis(50), move || {
            let _ = fired.send("timed out");
        });
        assert_eq!(timed_out.recv_timeout(Duration::from_secs(5)), Ok("timed out"));

        let (fired, timed_out) = channel();
        let watchdog = WindowWatchdog::start(Duration::from_millis(200), move || {
            let _ = fired.send("timed out");
        })
        .unwrap_or_else(|e| panic!("{e}"));
        watchdog.opened();
        assert!(timed_out.recv_timeout(Duration::from_millis(600)).is_err(), "an open window is left alone");
    }
}
