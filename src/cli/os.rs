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
/// box, which ends the process with `exit_code` by itself after `give_up` if nobody closes it (an
/// unattended start).
pub fn tell_failure(message: &str, give_up: std::time::Duration, exit_code: i32) {
    eprintln!("{message}");
    #[cfg(windows)]
    {
        let _ = std::thread::Builder::new().name("message-timeout".into()).spawn(move || {
            std::thread::sleep(give_up);
            // Nobody closed the box of an unattended start: the message box holds the process.
            #[allow(clippy::exit)]
            std::process::exit(exit_code);
        });
        windows::message_box("Kirjaamo", message);
    }
    #[cfg(not(windows))]
    let _ = (give_up, exit_code);
}

/// Lets blocks of a megabyte or more (drawn pages, photos, textures in a software renderer) go
/// back to the OS as soon as they are freed. glibc's heap otherwise keeps them: its threshold
/// for mapping a block on its own rises past a block's size once the first such block is freed,
/// and the desk's memory grew by some 100 MB of freed pages over a 40-transaction browse
/// (BENCHMARKS.md). Windows' heap gives large blocks back by itself. Call it first in `main`.
pub fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    glibc::set_mmap_threshold(1 << 20);
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
mod glibc {
    /// Sets `M_MMAP_THRESHOLD` (which also stops glibc from raising it by itself).
    pub fn set_mmap_threshold(bytes: i32) {
        // SAFETY: mallopt only sets a parameter of glibc's allocator; any value is accepted or
        // refused (returning 0), and allocations made before keep working either way.
        let accepted = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, bytes) };
        if accepted == 0 {
            tracing::debug!("glibc refused M_MMAP_THRESHOLD {bytes}");
        }
    }
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
