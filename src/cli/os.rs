//! Where the binary meets the desktop it runs on. On Windows the exe is a GUI program (no console
//! window opens beside the desk), so a subcommand started from a console attaches to that console
//! to print, and a desk that cannot start is told in a message box, since nobody reads stderr
//! there. Elsewhere both are plain stderr.

/// Lets a subcommand (or `--help`, `--version`, a usage error) print to the console it was
/// started from. On Windows a GUI program has none of its own: it attaches to its parent's unless
/// its output is redirected already (`kirjaamo export … > log.txt`, or Wine's terminal). Elsewhere
/// the console is there already.
pub fn use_parent_console() {
    #[cfg(windows)]
    windows::attach_parent_console();
}

/// Tells a person that the desk could not start: stderr everywhere, and on Windows also a message
/// box, which ends the process by itself after `give_up` if nobody closes it (an unattended start).
pub fn tell_failure(message: &str, give_up: std::time::Duration) {
    eprintln!("{message}");
    #[cfg(windows)]
    {
        let _ = std::thread::Builder::new().name("message-timeout".into()).spawn(move || {
            std::thread::sleep(give_up);
            std::process::exit(DESK_FAILED);
        });
        windows::message_box("Kirjaamo", message);
    }
    #[cfg(not(windows))]
    let _ = give_up;
}

/// The exit code of a desk that could not open its window.
pub const DESK_FAILED: i32 = 2;

/// The exit code of a desk whose window did not open in time.
pub const DESK_TIMED_OUT: i32 = 3;

#[cfg(windows)]
#[allow(unsafe_code)]
mod windows {
    //! The two Win32 calls the safe crates do not wrap. Each is sound for any input: the strings
    //! are NUL-terminated UTF-16 that outlive the call, and no handle is kept.

    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE};
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MB_SETFOREGROUND, MB_TOPMOST, MessageBoxW};

    pub fn attach_parent_console() {
        // SAFETY: GetStdHandle reads the process's handle table and takes no pointer.
        let redirected = unsafe { GetStdHandle(STD_OUTPUT_HANDLE) };
        if !redirected.is_null() && redirected as isize != -1 {
            return;
        }
        // SAFETY: AttachConsole takes a process id; it fails harmlessly without a parent console
        // (started from Explorer), and the standard handles then stay empty: prints go nowhere.
        unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
    }

    fn wide(text: &str) -> Vec<u16> {
        text.encode_utf16().chain(std::iter::once(0)).collect()
    }

    pub fn message_box(title: &str, text: &str) {
        let (title, text) = (wide(title), wide(text));
        // SAFETY: both pointers are NUL-terminated UTF-16 buffers alive for the call; no owner window.
        unsafe {
            MessageBoxW(
                std::ptr::null_mut(),
                text.as_ptr(),
                title.as_ptr(),
                MB_OK | MB_ICONERROR | MB_SETFOREGROUND | MB_TOPMOST,
            )
        };
    }
}
