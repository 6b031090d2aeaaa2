//! Each access-log entry also goes to where Linux collects logs: the system journal, through its
//! native socket (`/run/systemd/journal/socket`), as structured fields under the identifier
//! `kirjaamo-audit`. A municipality's log collector reads it there (`journalctl -t
//! kirjaamo-audit -o json`), with each entry's hash, so entries removed from the end of the file
//! still show elsewhere. Best effort: the SQLite file is the record, and a machine without a
//! journal (a container, a desktop without systemd) only has that.

use super::entry::Entry;

/// The system journal's native socket.
pub const SOCKET: &str = "/run/systemd/journal/socket";

/// The entry as the journal's native protocol spells it: `FIELD=value` lines (values without a
/// line break; the ones that could hold one are written in the binary form).
pub fn datagram(entry: &Entry) -> Vec<u8> {
    let message = format!(
        "{} {} {} by {} on {}: {}",
        entry.action,
        entry.transaction,
        entry.service.as_deref().unwrap_or("-"),
        entry.os_user,
        entry.workstation,
        entry.result
    );
    let fields: [(&str, &str); 13] = [
        ("MESSAGE", &message),
        ("SYSLOG_IDENTIFIER", "kirjaamo-audit"),
        ("PRIORITY", "6"),
        ("KIRJAAMO_SEQ", &entry.seq.to_string()),
        ("KIRJAAMO_AT", &entry.at),
        ("KIRJAAMO_OS_USER", &entry.os_user),
        ("KIRJAAMO_TWEB_USER", entry.tweb_user.as_deref().unwrap_or("")),
        ("KIRJAAMO_WORKSTATION", &entry.workstation),
        ("KIRJAAMO_ACTION", &entry.action),
        ("KIRJAAMO_TRANSACTION", &entry.transaction),
        ("KIRJAAMO_RESULT", &entry.result),
        ("KIRJAAMO_DETAIL", &entry.detail),
        ("KIRJAAMO_HASH", &entry.hash),
    ];
    let mut out = Vec::new();
    for (name, value) in fields {
        out.extend_from_slice(name.as_bytes());
        if value.contains('\n') {
            // Binary form: the name, a line break, the length as 64-bit little endian, the value.
            out.push(b'\n');
            out.extend_from_slice(&u64::try_from(value.len()).unwrap_or(u64::MAX).to_le_bytes());
            out.extend_from_slice(value.as_bytes());
        } else {
            out.push(b'=');
            out.extend_from_slice(value.as_bytes());
        }
        out.push(b'\n');
    }
    out
}

/// Sends `entry` to the system journal, if this machine has one.
pub fn send(entry: &Entry) {
    send_to(entry, std::path::Path::new(SOCKET));
}

/// Sends `entry` to the journal socket at `path`, if there is one there.
pub fn send_to(entry: &Entry, path: &std::path::Path) {
    #[cfg(unix)]
    {
        if !path.exists() {
            return;
        }
        let sent = std::os::unix::net::UnixDatagram::unbound().and_then(|s| s.send_to(&datagram(entry), path));
        if let Err(e) = sent {
            tracing::debug!("the access-log entry {} did not reach the system journal: {e}", entry.seq);
        }
    }
    #[cfg(not(unix))]
    let _ = (entry, path);
}
