//! The filing engine and `kirjaamo export` with a real clamd: malware puts a transaction in
//! quarantine with nothing made, a clerk may file it leaving the infected file out (the receipt and
//! the access log say which and why), and a scanner that is down leaves everything pending.

use std::path::Path;
use std::sync::Arc;

use kirjaamo::audit::{AccessLog, Actor, Recorder};
use kirjaamo::domain::Transaction;
use kirjaamo::export::{Endpoint, ExportConfig, ExportError, Exporter, FilingPlan, Journal, LeftOut, refs};
use kirjaamo::outbox::OutboxClient;
use kirjaamo::sandbox::seed::malware::{EICAR_NAME, ZIP_NAME};
use kirjaamo::sandbox::{Sandbox, SandboxConfig};
use kirjaamo::scan::{Scanner, ScannerChoice};
use kirjaamo::tweb::{TwebAuth, TwebClient};

use crate::clamd::{Clamd, SIGNATURE};

struct Env {
    sandbox: Sandbox,
    outbox: OutboxClient,
    tweb: Arc<TwebClient>,
    dir: tempfile::TempDir,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime")
}

async fn start() -> Env {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.expect("sandbox");
    let http = kirjaamo::remote::http_client().expect("client");
    let outbox = OutboxClient::new(http.clone(), &sandbox.outbox_url(), "epalvelu-demo-token");
    let auth = TwebAuth::Basic { user: "kirjaamo".into(), password: "demo".into() };
    let tweb = Arc::new(TwebClient::new(http, &sandbox.tweb_url(), auth));
    Env { sandbox, outbox, tweb, dir: tempfile::tempdir().expect("temp dir") }
}

impl Env {
    fn log(&self) -> AccessLog {
        AccessLog::open(&self.dir.path().join("access-log.sqlite")).expect("access log")
    }

    fn exporter(&self, scanner: &str) -> Exporter<TwebClient> {
        let endpoint = Endpoint::new(&self.sandbox.tweb_url(), &self.sandbox.outbox_url());
        let journal = Journal::open(&self.dir.path().join("journal.sqlite"), &endpoint).expect("journal");
        let mut config = ExportConfig::new("Maija Virtanen");
        config.scanner = Scanner::new(scanner.parse::<ScannerChoice>().expect("scanner"));
        config.audit = Some(Recorder { log: self.log(), actor: Actor::here(Some("KUNTA\\mvirtanen".into()), None) });
        Exporter::new(Arc::clone(&self.tweb), self.outbox.clone(), journal, config, None)
    }

    /// The seed's transaction carrying the sample `name`.
    async fn carrying(&self, name: &str) -> Transaction {
        for summary in self.outbox.list_all(None).await.expect("list") {
            let transaction = self.outbox.get(&summary.id).await.expect("transaction").transaction;
            if transaction.attachments.iter().any(|a| a.filename == name) {
                return transaction;
            }
        }
        panic!("the seed has no {name}")
    }

    async fn pending(&self, id: &str) -> bool {
        self.outbox.list_all(None).await.expect("list").iter().any(|t| t.id == id)
    }
}

fn plan(transaction: &Transaction) -> FilingPlan {
    let mappings = kirjaamo::mappings::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings")).expect("maps");
    let mapping = mappings.iter().find(|m| m.service == transaction.service.id).expect("mapping");
    kirjaamo::service::from_mapping(transaction, mapping, kirjaamo::domain::helsinki::today()).expect("plan")
}

pub fn malware_is_quarantined_with_nothing_made_and_can_be_filed_left_out() {
    let clamd = Clamd::start_for_seed();
    runtime().block_on(async {
        let env = start().await;
        let exporter = env.exporter(&clamd.tcp_choice(None));
        for sample in [EICAR_NAME, ZIP_NAME] {
            let transaction = env.carrying(sample).await;
            let infected = transaction.attachments.iter().find(|a| a.filename == sample).expect("sample");
            let plan = plan(&transaction);
            match exporter.file(&plan, &Default::default()).await {
                Err(ExportError::Quarantined { files, .. }) => {
                    assert_eq!(files.len(), 1, "{files:?}");
                    assert_eq!((files[0].filename.as_str(), files[0].signature.as_str()), (sample, SIGNATURE));
                }
                other => panic!("{sample}: quarantine expected, got {other:?}"),
            }
            // Nothing made, nothing claimed, nothing journaled: still pending for any clerk.
            assert_eq!(env.sandbox.count_external_ref(&refs::case(&transaction.id)).cases, 0, "{sample}");
            assert_eq!(env.sandbox.count_external_ref(&refs::form(&transaction.id)).documents, 0);
            assert!(env.pending(&transaction.id).await, "{sample}: still pending");
            assert!(exporter.journal().filing(&transaction.id).await.expect("journal").is_none());

            // Only an infected file may be left out.
            let clean = transaction.attachments.iter().find(|a| a.id != infected.id).expect("a clean file");
            let mut wrong = plan.clone();
            wrong.left_out = vec![LeftOut { attachment_id: clean.id.clone(), signature: SIGNATURE.into() }];
            let refused = exporter.file(&wrong, &Default::default()).await;
            assert!(matches!(refused, Err(ExportError::LeftOutClean { .. })), "{refused:?}");

            // The clerk files it without the infected file.
            let mut without = plan.clone();
            without.left_out = vec![LeftOut { attachment_id: infected.id.clone(), signature: SIGNATURE.into() }];
            let filed = exporter.file(&without, &Default::default()).await.expect("filed without it").result;
            assert_eq!(filed.left_out.len(), 1);
            assert_eq!(
                (filed.left_out[0].filename.as_str(), filed.left_out[0].signature.as_str()),
                (sample, SIGNATURE)
            );
            let secret = usize::from(plan.secret_address_type(&transaction).is_some());
            assert_eq!(
                filed.document_ids.len(),
                transaction.attachments.len() + secret,
                "the form and the clean files"
            );
            assert!(
                filed.documents.iter().all(|d| d.title != sample),
                "the infected file is not on the receipt's documents"
            );
            let infected_ref = refs::attachment(&transaction.id, &infected.id);
            assert_eq!(env.sandbox.count_external_ref(&infected_ref).documents, 0, "{sample} is not in TWeb");
            assert!(!env.pending(&transaction.id).await, "filed");
        }
        // Each detection once in the access log, with the file, the signature and who was working.
        let entries = env.log().entries().expect("entries");
        let detections: Vec<_> = entries.iter().filter(|e| e.action == "detect_malware").collect();
        assert_eq!(detections.len(), 2, "once per file: the later tries used the remembered verdict");
        for (entry, sample) in detections.iter().zip([EICAR_NAME, ZIP_NAME]) {
            assert!(entry.detail.contains(sample) && entry.detail.contains(SIGNATURE), "{}", entry.detail);
            assert_eq!(entry.os_user, "KUNTA\\mvirtanen");
        }
        let filed = entries.iter().filter(|e| e.action == "file" && e.result == "ok").count();
        assert_eq!(filed, 2);
        assert_eq!(env.log().verify().expect("verify"), Ok(entries.len()));
    });
}

pub fn a_scanner_that_is_down_files_nothing_and_leaves_it_pending() {
    let mut clamd = Clamd::start_for_seed();
    let choice = clamd.tcp_choice(None);
    clamd.stop();
    runtime().block_on(async {
        let env = start().await;
        let exporter = env.exporter(&choice);
        let transaction = env.carrying(EICAR_NAME).await;
        let error = exporter.file(&plan(&transaction), &Default::default()).await.expect_err("not scanned");
        assert!(matches!(error, ExportError::NotScanned { .. }), "{error:?}");
        assert_eq!(env.sandbox.count_external_ref(&refs::case(&transaction.id)).cases, 0);
        assert!(env.pending(&transaction.id).await);
        assert!(exporter.journal().filing(&transaction.id).await.expect("journal").is_none(), "not a failed filing");
        // A profile that names no scanner opens and files no attachment either.
        let none = env.exporter("clamd://127.0.0.1:1");
        let error = none.file(&plan(&transaction), &Default::default()).await.expect_err("not scanned");
        assert!(matches!(error, ExportError::NotScanned { .. }), "{error:?}");
    });
}

/// `kirjaamo export --auto` with a real clamd: the infected transaction of an automatic service is
/// left in quarantine and the rest are filed; with clamd stopped, the rest are left pending and
/// counted as not scanned, not as failed.
pub fn export_auto_leaves_the_infected_unfiled_and_files_the_rest() {
    let mut clamd = Clamd::start_for_seed();
    runtime().block_on(async {
        let env = start().await;
        // An automatic service's transaction with the EICAR file among its attachments.
        let pending = env.outbox.list_all(Some("asukaspysakointi")).await.expect("list");
        let mut infected = env.outbox.get(&pending[0].id).await.expect("transaction").transaction;
        let mut files = Vec::new();
        for attachment in &infected.attachments {
            let download = env.outbox.attachment(&infected.id, &attachment.id).await.expect("download");
            use futures_util::TryStreamExt;
            let chunks: Vec<bytes::Bytes> = download.body.try_collect().await.expect("bytes");
            files.push(chunks.concat());
        }
        let eicar = kirjaamo::domain::eicar();
        infected.id = "TX-2026-777001".to_owned();
        infected.attachments.push(kirjaamo::domain::Attachment {
            id: format!("A{}", infected.attachments.len() + 1),
            filename: "pysakointilupa.exe".into(),
            content_type: "application/x-msdownload".into(),
            size: eicar.len() as u64,
            sha256: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&eicar)),
        });
        files.push(eicar);
        env.sandbox.add_transaction(infected.clone(), files);

        let run = |scanner: String| {
            let journal = env.dir.path().join("auto.sqlite");
            let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"));
            command
                .args(["export", "--auto", "--mappings"])
                .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings"))
                .arg("--journal")
                .arg(journal)
                .args(["--clerk", "Kirjaamo (automaattinen)"])
                .env("KIRJAAMO_TWEB_URL", env.sandbox.tweb_url())
                .env("KIRJAAMO_OUTBOX_URL", env.sandbox.outbox_url())
                .env("KIRJAAMO_TWEB_USER", "kirjaamo")
                .env("KIRJAAMO_TWEB_PASSWORD", "demo")
                .env("KIRJAAMO_OUTBOX_TOKEN", "epalvelu-demo-token")
                .env("KIRJAAMO_SCANNER", scanner)
                .env("RUST_LOG", "off")
                .env("KIRJAAMO_DATA_DIR", env.dir.path().join("data"))
                .env("KIRJAAMO_CONFIG_DIR", env.dir.path().join("config"));
            command
        };
        let output = run(clamd.tcp_choice(None)).output().await.expect("runs");
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(output.status.success(), "{stdout}{stderr}");
        assert!(stdout.contains("failed 0") && stdout.contains("in quarantine 1"), "{stdout}");
        assert!(!stdout.contains("filed 0,"), "the rest were filed: {stdout}");
        assert!(stderr.contains("TX-2026-777001: in quarantine") && stderr.contains(SIGNATURE), "{stderr}");
        assert!(env.pending("TX-2026-777001").await, "the infected transaction is left for a clerk");
        assert_eq!(env.sandbox.count_external_ref(&refs::case("TX-2026-777001")).cases, 0);
        let automatic = ["asukaspysakointi", "liikuntavuoro", "meluilmoitus"];
        let mut left = Vec::new();
        for service in automatic {
            left.extend(env.outbox.list_all(Some(service)).await.expect("list").into_iter().map(|t| t.id));
        }
        assert_eq!(left, ["TX-2026-777001"], "every other automatic transaction was filed");

        // clamd down: the infected transaction, whose verdict this new run must ask for again, is
        // left pending and counted as not scanned, not as failed.
        clamd.stop();
        let output = run(clamd.tcp_choice(None)).output().await.expect("runs");
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(output.status.success(), "not scanned is not failed: {stdout}");
        assert!(stdout.contains("failed 0") && stdout.contains("not scanned 1"), "{stdout}");
        assert!(env.pending("TX-2026-777001").await);
    });
}
