//! An exporter wired to an in-process sandbox.

use std::path::Path;
use std::process::Output;
use std::sync::Arc;

use kirjaamo::domain::Transaction;
use kirjaamo::export::{Endpoint, ExportConfig, Exporter, FilingPlan, Journal, RetryPolicy, refs};
use kirjaamo::mappings::{ServiceMapping, load_dir};
use kirjaamo::outbox::OutboxClient;
use kirjaamo::sandbox::{Sandbox, SandboxConfig};
use kirjaamo::tweb::{TwebAuth, TwebClient};

pub struct Env {
    pub sandbox: Sandbox,
    pub outbox: OutboxClient,
    pub tweb: Arc<TwebClient>,
    pub mappings: Vec<ServiceMapping>,
    pub dir: tempfile::TempDir,
}

/// The project's TWeb and outbox clients for `tweb_url` and `outbox_url`, with the sandbox's
/// demo credentials.
pub fn clients(tweb_url: &str, outbox_url: &str) -> (Arc<TwebClient>, OutboxClient) {
    let http = kirjaamo::remote::http_client().expect("client");
    let outbox = OutboxClient::new(http.clone(), outbox_url, "epalvelu-demo-token");
    let auth = TwebAuth::Basic { user: "kirjaamo".into(), password: "demo".into() };
    (Arc::new(TwebClient::new(http, tweb_url, auth)), outbox)
}

pub async fn start() -> Env {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.expect("sandbox");
    let (tweb, outbox) = clients(&sandbox.tweb_url(), &sandbox.outbox_url());
    let mappings = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings")).expect("mappings");
    Env { sandbox, outbox, tweb, mappings, dir: tempfile::tempdir().expect("temp dir") }
}

impl Env {
    pub fn exporter(&self, clerk: &str, journal: &str) -> Exporter<TwebClient> {
        self.exporter_at_once(clerk, journal, kirjaamo::export::pace::DEFAULT_PARALLEL)
    }

    /// As [`Env::exporter`], filing at most `parallel` transactions at once.
    pub fn exporter_at_once(&self, clerk: &str, journal: &str, parallel: usize) -> Exporter<TwebClient> {
        let journal = Journal::open(&self.dir.path().join(journal), &self.endpoint()).expect("journal");
        let mut config = ExportConfig::new(clerk);
        // Scanning against a real clamd is tested in tests/scan; here it is off, explicitly.
        config.scanner = kirjaamo::scan::Scanner::off();
        config.parallel = parallel;
        config.retry = RetryPolicy {
            attempts: 12,
            base: std::time::Duration::from_millis(5),
            cap: std::time::Duration::from_millis(80),
        };
        Exporter::new(Arc::clone(&self.tweb), self.outbox.clone(), journal, config, None)
    }

    /// Replaces the sandbox with a fresh one on the same address, as after a restore of both
    /// servers from a backup: the same transaction ids all pending again, TWeb's ids counted anew.
    pub async fn restore(&mut self) {
        let addr = self.sandbox.addr();
        self.sandbox.shut_down().await;
        let fresh = SandboxConfig { bind: addr, ..SandboxConfig::default() };
        self.sandbox = Sandbox::start(fresh).await.unwrap_or_else(|e| panic!("a fresh sandbox on {addr}: {e}"));
    }

    /// An export configuration as `clerk` with scanning off, explicitly (scanning is tested in
    /// tests/scan).
    pub fn config(clerk: &str) -> ExportConfig {
        let mut config = ExportConfig::new(clerk);
        config.scanner = kirjaamo::scan::Scanner::off();
        config
    }

    /// The endpoint of this sandbox, for its journals.
    pub fn endpoint(&self) -> Endpoint {
        Endpoint::new(&self.sandbox.tweb_url(), &self.sandbox.outbox_url())
    }

    pub async fn transaction(&self, id: &str) -> Transaction {
        self.outbox.get(id).await.expect("transaction").transaction
    }

    pub fn mapping(&self, service: &str) -> &ServiceMapping {
        self.mappings.iter().find(|m| m.service == service).expect("a mapping for every seed service")
    }

    pub fn plan(&self, transaction: &Transaction) -> FilingPlan {
        let today = kirjaamo::domain::helsinki::today();
        kirjaamo::service::from_mapping(transaction, self.mapping(&transaction.service.id), today).expect("plan")
    }

    /// The documents the mapping's filing of `transaction` makes: the form, each attachment, and
    /// the secret address document of a submitter with a protection order.
    pub fn documents_filed(&self, transaction: &Transaction) -> usize {
        1 + transaction.attachments.len() + self.secret_address_documents(transaction)
    }

    /// 1 when the mapping's filing of `transaction` makes a secret address document, else 0.
    pub fn secret_address_documents(&self, transaction: &Transaction) -> usize {
        let named = self.mapping(&transaction.service.id).secret_address_document_type.is_some();
        let submitter = &transaction.submitter;
        usize::from(named && submitter.protection_order && submitter.address.is_some())
    }

    /// Exactly one case (none for assignment-only services), one form, one document per
    /// attachment, one secret address document under a protection order and one assignment carry
    /// the transaction's external refs.
    pub fn assert_filed_once(&self, transaction: &Transaction) {
        let id = &transaction.id;
        let count = |external_ref: String| self.sandbox.count_external_ref(&external_ref);
        let expected_cases = usize::from(
            self.mapping(&transaction.service.id).action != kirjaamo::mappings::DefaultAction::AssignmentOnly,
        );
        assert_eq!(count(refs::case(id)).cases, expected_cases, "{id}: cases");
        assert_eq!(count(refs::form(id)).documents, 1, "{id}: form");
        for attachment in &transaction.attachments {
            assert_eq!(count(refs::attachment(id, &attachment.id)).documents, 1, "{id}/{}", attachment.id);
        }
        let secret = self.secret_address_documents(transaction);
        assert_eq!(count(refs::secret_address(id)).documents, secret, "{id}: secret address");
        assert_eq!(count(refs::assignment(id)).assignments, 1, "{id}: assignment");
    }

    /// Pending transactions of a service, oldest first.
    pub async fn pending(&self, service: Option<&str>) -> Vec<String> {
        self.outbox.list_all(service).await.expect("list").into_iter().map(|t| t.id).collect()
    }
}

/// Every file under `dir`, at any depth.
pub fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() { stack.push(path) } else { found.push(path) }
        }
    }
    found
}

/// `kirjaamo export` against the sandbox of `env` with `journal`, as `clerk`; secrets from the
/// environment, logs off, stderr captured.
pub fn cli(env: &Env, journal: &Path, clerk: &str) -> tokio::process::Command {
    let mut command = cli_default_journal(env, clerk);
    command.arg("--journal").arg(journal);
    command
}

/// As [`cli`], with the journal the export chooses itself in the data folder (`env.dir/data`).
pub fn cli_default_journal(env: &Env, clerk: &str) -> tokio::process::Command {
    kirjaamo_command(env, "export", clerk)
}

/// `kirjaamo COMMAND` against the sandbox as `clerk`, with the repo's mappings and the secrets
/// from the environment; its data and config folders in `env.dir`.
pub fn kirjaamo_command(env: &Env, subcommand: &str, clerk: &str) -> tokio::process::Command {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"));
    command
        .arg(subcommand)
        .arg("--mappings")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings"))
        .args(["--clerk", clerk])
        .env("KIRJAAMO_TWEB_URL", env.sandbox.tweb_url())
        .env("KIRJAAMO_OUTBOX_URL", env.sandbox.outbox_url())
        .env("KIRJAAMO_TWEB_USER", "kirjaamo")
        .env("KIRJAAMO_TWEB_PASSWORD", "demo")
        .env("KIRJAAMO_OUTBOX_TOKEN", "epalvelu-demo-token")
        .env("RUST_LOG", "off")
        // Scanning against a real clamd is tested in tests/scan; here it is off, explicitly.
        .env("KIRJAAMO_SCANNER", "none")
        .env("KIRJAAMO_DATA_DIR", env.dir.path().join("data"))
        .env("KIRJAAMO_CONFIG_DIR", env.dir.path().join("config"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true);
    command
}

/// Runs `kirjaamo export ARGS` as the automatic clerk on `journal`: the output, stdout, stderr.
pub async fn export(env: &Env, journal: &Path, args: &[&str]) -> (Output, String, String) {
    let output = cli(env, journal, "Kirjaamo (automaattinen)").args(args).output().await.expect("export runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output, stdout, stderr)
}

/// SQLite's `PRAGMA integrity_check` of a journal (`ok` when sound).
pub fn integrity(path: &Path) -> String {
    let connection = rusqlite::Connection::open(path).expect("open");
    connection.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)).unwrap_or_else(|e| e.to_string())
}
