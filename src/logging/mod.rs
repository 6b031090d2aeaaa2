//! Logging: to stderr and to daily files in the data directory (14 kept, 20 MiB a day at most),
//! every line redacted (see [`redact`]). Secrets the process holds are registered so they are removed verbatim too.

mod cap;
mod redact;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{OnceLock, RwLock};

pub use cap::{DAILY_CAP_BYTES, DailyCap};
pub use redact::redact;
use tracing_subscriber::Layer as _;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

/// Log files kept before the oldest is deleted (one a day).
pub const KEPT_FILES: usize = 14;

fn secrets() -> &'static RwLock<Vec<String>> {
    static SECRETS: OnceLock<RwLock<Vec<String>>> = OnceLock::new();
    SECRETS.get_or_init(|| RwLock::new(Vec::new()))
}

/// Remembers a secret (token, password) so that no log line ever shows it.
pub fn register_secret(secret: &str) {
    if secret.len() >= 4
        && let Ok(mut list) = secrets().write()
        && !list.iter().any(|s| s == secret)
    {
        list.push(secret.to_owned());
    }
}

/// Where log files go: `KIRJAAMO_LOG_DIR`, else `logs/` in the machine's local data directory.
pub fn log_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("KIRJAAMO_LOG_DIR") {
        return Some(PathBuf::from(dir));
    }
    crate::paths::local_data_dir().map(|d| d.join("logs"))
}

/// A writer that redacts each formatted event before passing it on.
pub struct Redacting<W>(W);

impl<W: Write> Write for Redacting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let clean = redacted(&text);
        self.0.write_all(clean.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// `line` as the logs write it: every registered secret and known secret pattern redacted.
pub fn redacted(line: &str) -> String {
    let secrets = secrets().read().map(|s| s.clone()).unwrap_or_default();
    redact::redact(line, &secrets)
}

/// Wraps a [`MakeWriter`] so that everything it writes is redacted.
pub struct RedactingMakeWriter<M>(pub M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for RedactingMakeWriter<M> {
    type Writer = Redacting<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        Redacting(self.0.make_writer())
    }
}

/// Why file logging could not start (stderr logging still runs).
#[derive(Debug, thiserror::Error)]
#[error("log files cannot be written in {dir}")]
pub struct LogError {
    dir: PathBuf,
    #[source]
    source: Box<dyn std::error::Error + Send + Sync>,
}

/// The target of lines a command already said on stderr in its own words (`kirjaamo export`'s
/// progress and failures): they go into the log files, and the stderr log leaves them out, so
/// they are said once there.
pub const SAID: &str = "kirjaamo::said";

/// Starts logging to stderr and, when `dir` is given, to daily files there. The returned guard
/// flushes the files when dropped; keep it for the life of the process.
pub fn init(dir: Option<&Path>) -> (Option<tracing_appender::non_blocking::WorkerGuard>, Option<LogError>) {
    let (filter, not_understood) = filter(std::env::var("RUST_LOG").ok().as_deref());
    // Colour codes only on a terminal: a redirected stderr (a service's log, CI) gets plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let stderr = tracing_subscriber::fmt::layer()
        .with_ansi(ansi)
        .with_writer(RedactingMakeWriter(std::io::stderr))
        .with_filter(tracing_subscriber::filter::filter_fn(|meta| meta.target() != SAID));
    // The appender lists the folder to prune old files: it must exist and take a file, or it
    // prints "Error reading the log directory" to stderr on every line. A folder that cannot be
    // used is said once, as the error returned.
    let usable = dir.map(|dir| {
        std::fs::create_dir_all(dir)
            .and_then(|()| tempfile::tempfile_in(dir).map(drop))
            .map(|()| dir)
            .map_err(|source| LogError { dir: dir.to_owned(), source: Box::new(source) })
    });
    let (file, guard, error) = match usable.map(|dir| {
        let dir = dir?;
        tracing_appender::rolling::Builder::new()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .filename_prefix("kirjaamo")
            .filename_suffix("log")
            .max_log_files(KEPT_FILES)
            .build(dir)
            .map_err(|source| LogError { dir: dir.to_owned(), source: Box::new(source) })
    }) {
        Some(Ok(appender)) => {
            let today = dir.map(|d| d.join(format!("kirjaamo.{}.log", chrono::Utc::now().format("%Y-%m-%d"))));
            let already = today.and_then(|p| std::fs::metadata(p).ok()).map_or(0, |m| m.len());
            // 16,384 lines waiting for the disk, not the default 128,000: that buffer is allocated
            // whole at start (4 MB of the desk's memory).
            let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
                .buffered_lines_limit(16_384)
                .finish(DailyCap::new(appender, DAILY_CAP_BYTES, already));
            let layer = tracing_subscriber::fmt::layer().with_ansi(false).with_writer(RedactingMakeWriter(writer));
            (Some(layer), Some(guard), None)
        }
        Some(Err(error)) => (None, None, Some(error)),
        None => (None, None, None),
    };
    let _ = tracing_subscriber::registry().with(filter).with(stderr).with(file).try_init();
    if let Some(value) = not_understood {
        tracing::warn!(RUST_LOG = %value, "not understood (write `info` or `warn,kirjaamo=debug`): logging at info");
    }
    (guard, error)
}

/// What to log: `RUST_LOG` as a list of `level` and `target=level` (`warn,kirjaamo::timing=debug`),
/// `info` when it is unset. A value that is not such a list gives `info` and comes back to be
/// reported. (The targets-only filter, not `EnvFilter`: its span and field filters need a regex
/// engine, 0.2 MB of the binary, and nothing here uses them.)
fn filter(rust_log: Option<&str>) -> (Targets, Option<String>) {
    let info = || Targets::new().with_default(LevelFilter::INFO);
    match rust_log.map(str::trim) {
        None | Some("") => (info(), None),
        Some(value) => match value.parse::<Targets>() {
            Ok(targets) => (targets, None),
            Err(_) => (info(), Some(value.to_owned())),
        },
    }
}

#[cfg(test)]
mod tests {
    use tracing::Level;

    use super::filter;

    #[test]
    fn rust_log_sets_levels_per_target_and_info_is_the_default() {
        let (unset, none) = filter(None);
        assert!(none.is_none());
        assert!(unset.would_enable("kirjaamo::export", &Level::INFO));
        assert!(!unset.would_enable("kirjaamo::export", &Level::DEBUG));

        let (bench, none) = filter(Some("info,kirjaamo::timing=debug"));
        assert!(none.is_none());
        assert!(bench.would_enable("kirjaamo::timing", &Level::DEBUG));
        assert!(!bench.would_enable("kirjaamo::export", &Level::DEBUG));
        assert!(bench.would_enable("hyper", &Level::INFO));

        let (off, _) = filter(Some("off"));
        assert!(!off.would_enable("kirjaamo", &Level::ERROR));
        let (trace, _) = filter(Some(" trace "));
        assert!(trace.would_enable("kirjaamo", &Level::TRACE));
    }

    #[test]
    fn a_value_that_is_not_a_list_of_levels_logs_at_info_and_is_reported() {
        let (targets, not_understood) = filter(Some("kirjaamo=loud"));
        assert_eq!(not_understood.as_deref(), Some("kirjaamo=loud"));
        assert!(targets.would_enable("kirjaamo", &Level::INFO));
        assert!(!targets.would_enable("kirjaamo", &Level::DEBUG));
    }
}
