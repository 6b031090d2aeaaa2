//! A real clamd for the tests: Debian's clamav-daemon started on a free loopback port and a Unix
//! socket in a temp folder, with a signature database the tests write themselves (no download):
//! the EICAR test string as an `.ndb` body signature, so it is found in a file and in a ZIP.
//! `StreamMaxLength` is 1 MB, so a larger file is reported as not scanned.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::tools::Tool;

/// clamd, from Debian's clamav-daemon (in /usr/sbin, which a user's PATH may lack).
pub const CLAMD: Tool = Tool { program: "clamd", package: "clamav-daemon" };

/// The signature name clamd reports for the test database's EICAR.
pub const SIGNATURE: &str = "Kirjaamo.Test.EICAR.UNOFFICIAL";

/// The largest stream [`Clamd::start`]'s clamd scans: small, so a test can pass it.
pub const STREAM_MAX: usize = 1024 * 1024;

/// The largest stream [`Clamd::start_for_seed`]'s clamd scans: clamd's default, over the seed's
/// largest photo.
pub const SEED_STREAM_MAX: usize = 25 * 1024 * 1024;

/// The EICAR test string.
pub fn eicar() -> Vec<u8> {
    kirjaamo::domain::eicar()
}

/// A ZIP holding the EICAR test string, as the sandbox seeds it.
pub fn eicar_zip() -> Vec<u8> {
    kirjaamo::sandbox::seed::malware::eicar_zip()
}

/// Where clamd is: on the PATH or in /usr/sbin.
pub fn find() -> Option<PathBuf> {
    CLAMD.find().or_else(|| Some(PathBuf::from("/usr/sbin/clamd")).filter(|p| p.is_file()))
}

/// A running clamd; stopped when dropped.
pub struct Clamd {
    child: Option<Child>,
    dir: tempfile::TempDir,
    /// `127.0.0.1:PORT`.
    pub tcp: String,
    /// Its Unix socket.
    pub socket: PathBuf,
}

impl Clamd {
    /// Starts clamd with a [`STREAM_MAX`] limit and waits until it answers.
    pub fn start() -> Self {
        Self::start_with(STREAM_MAX)
    }

    /// Starts clamd with clamd's default limit ([`SEED_STREAM_MAX`]), for the seed's files.
    pub fn start_for_seed() -> Self {
        Self::start_with(SEED_STREAM_MAX)
    }

    /// Starts clamd taking streams up to `stream_max` bytes and waits until it answers (it loads
    /// its database first).
    pub fn start_with(stream_max: usize) -> Self {
        let program = find().expect("clamd is installed");
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("db");
        std::fs::create_dir(&db).expect("db dir");
        std::fs::write(db.join("kirjaamo-test.ndb"), format!("Kirjaamo.Test.EICAR:0:*:{}\n", hex::encode(eicar())))
            .expect("signatures");
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let socket = dir.path().join("clamd.sock");
        let config = dir.path().join("clamd.conf");
        std::fs::write(
            &config,
            format!(
                "Foreground yes\nDatabaseDirectory {}\nTCPSocket {port}\nTCPAddr 127.0.0.1\nLocalSocket {}\n\
                 StreamMaxLength {stream_max}\nLogFile {}\nPidFile {}\nSelfCheck 3600\n",
                db.display(),
                socket.display(),
                dir.path().join("clamd.log").display(),
                dir.path().join("clamd.pid").display(),
            ),
        )
        .expect("config");
        let child = Command::new(program)
            .arg("-c")
            .arg(&config)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("clamd starts");
        let mut clamd = Self { child: Some(child), dir, tcp: format!("127.0.0.1:{port}"), socket };
        clamd.wait_ready();
        clamd
    }

    fn wait_ready(&mut self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if clamav_client::ping(clamav_client::Tcp { host_address: self.tcp.as_str() })
                .is_ok_and(|pong| pong == clamav_client::PONG)
            {
                return;
            }
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                let log = std::fs::read_to_string(self.dir.path().join("clamd.log")).unwrap_or_default();
                panic!("clamd ended ({status}): {log}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("clamd did not answer within 60 s");
    }

    /// `clamd://127.0.0.1:PORT`, with `?timeout=` when given.
    pub fn tcp_choice(&self, timeout: Option<f64>) -> String {
        match timeout {
            Some(seconds) => format!("clamd://{}?timeout={seconds}", self.tcp),
            None => format!("clamd://{}", self.tcp),
        }
    }

    /// `clamd:///…/clamd.sock`.
    pub fn socket_choice(&self) -> String {
        format!("clamd://{}", self.socket.display())
    }

    /// Stops clamd (as when it is stopped mid-run) and waits for it to end.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// clamd's process id.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().map_or(0, Child::id)
    }

    /// The folder clamd works in.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Clamd {
    fn drop(&mut self) {
        self.stop();
    }
}
