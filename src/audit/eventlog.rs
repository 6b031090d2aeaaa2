//! Each access-log entry also goes to where Windows collects logs: the Application event log,
//! under the source `Kirjaamo` that the MSI registers (with EventCreate.exe's messages, so the
//! Event Viewer shows the text as written), event id 1000. A municipality's collector (Windows
//! Event Forwarding, a SIEM agent) reads it there, with each entry's hash, so entries removed from
//! the end of the file still show elsewhere. Best effort: the SQLite file is the record.

use super::entry::Entry;

/// The event source the MSI registers.
pub const SOURCE: &str = "Kirjaamo";

/// The event id of an access-log entry (EventCreate.exe's messages cover 1–1000 as "%1").
pub const EVENT_ID: u32 = 1000;

/// The entry as one line of the event's text, every field named.
pub fn text(entry: &Entry) -> String {
    format!(
        "Kirjaamo access log {}: {} {} ({}) by {} (TWeb {}) on {} at {}: {} [{}] hash {}",
        entry.seq,
        entry.action,
        entry.transaction,
        entry.service.as_deref().unwrap_or("-"),
        entry.os_user,
        entry.tweb_user.as_deref().unwrap_or("-"),
        entry.workstation,
        entry.at,
        entry.result,
        entry.detail,
        entry.hash
    )
}

/// Writes `entry` to the Application event log (Windows only).
pub fn send(entry: &Entry) {
    #[cfg(windows)]
    windows::report(&text(entry));
    #[cfg(not(windows))]
    let _ = entry;
}

#[cfg(windows)]
#[allow(unsafe_code)]
mod windows {
    use windows_sys::Win32::System::EventLog::{
        DeregisterEventSource, EVENTLOG_INFORMATION_TYPE, RegisterEventSourceW, ReportEventW,
    };

    fn wide(text: &str) -> Vec<u16> {
        text.encode_utf16().chain(std::iter::once(0)).collect()
    }

    pub fn report(text: &str) {
        let (source, message) = (wide(super::SOURCE), wide(text));
        // SAFETY: both strings are NUL-terminated UTF-16 that live across the calls; the handle is
        // checked before use and closed once; ReportEventW reads one string and no raw data.
        unsafe {
            let handle = RegisterEventSourceW(std::ptr::null(), source.as_ptr());
            if handle.is_null() {
                tracing::debug!("the event source {} could not be opened", super::SOURCE);
                return;
            }
            let strings = [message.as_ptr()];
            let reported = ReportEventW(
                handle,
                EVENTLOG_INFORMATION_TYPE,
                0,
                super::EVENT_ID,
                std::ptr::null_mut(),
                1,
                0,
                strings.as_ptr(),
                std::ptr::null(),
            );
            if reported == 0 {
                tracing::debug!("an access-log entry did not reach the event log");
            }
            DeregisterEventSource(handle);
        }
    }
}
