//! Personal data kept only as long as needed: after the retention period, a filed transaction's
//! citizen name and case title are in no file of the data folder (journal, its write-ahead log,
//! access log, logs), while the journal still knows what was filed and where.

use std::path::Path;

use crate::common::{Env, files_under, kirjaamo_command, start};

async fn run(env: &Env, args: &[&str]) -> (bool, String) {
    let mut command = kirjaamo_command(env, args[0], "Kirjaamo (automaattinen)");
    let output = command.args(&args[1..]).output().await.expect("runs");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

fn purge(data: &Path, args: &[&str]) -> (bool, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .arg("purge")
        .args(args)
        .arg("--dir")
        .arg(data)
        .env("KIRJAAMO_CENTRAL_CONFIG", data.join("no-central.toml"))
        .env("RUST_LOG", "off")
        .output()
        .expect("runs");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

/// The files under `dir` holding `text`.
fn holding(dir: &Path, text: &str) -> Vec<String> {
    files_under(dir)
        .into_iter()
        .filter(|p| std::fs::read(p).is_ok_and(|b| b.windows(text.len()).any(|w| w == text.as_bytes())))
        .map(|p| p.display().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_the_period_a_filed_citizen_s_name_and_title_are_in_no_file_of_the_data_folder() {
    let env = start().await;
    let data = env.dir.path().join("data");
    let (ok, said) = run(&env, &["export", "--auto"]).await;
    assert!(ok, "{said}");
    // What was filed, and the personal data it carried: the citizen's name and the case title.
    let today = kirjaamo::domain::helsinki::today();
    let completed = env.outbox.completed(today - chrono::Duration::days(1), today).await.expect("completed");
    let personal: Vec<String> = completed
        .iter()
        .flat_map(|c| {
            [c.transaction.submitter_name.clone(), c.completion.result.case_title.clone().unwrap_or_default()]
        })
        .filter(|s| s.chars().count() > 3)
        .collect();
    assert!(personal.len() >= 6, "{personal:?}");
    // Before the period ends they are there, for a retry or the clerk's history.
    assert!(personal.iter().any(|p| !holding(&data, p).is_empty()), "the journal kept no title at all");

    let (ok, said) = purge(&data, &["--dry-run", "--days", "0"]);
    assert!(ok && said.contains("would remove the personal data of"), "{said}");
    assert!(personal.iter().any(|p| !holding(&data, p).is_empty()), "a dry run removed something");
    // Within the period, nothing goes.
    let (ok, said) = purge(&data, &["--days", "30"]);
    assert!(ok && said.contains("removed the personal data of 0 filings"), "{said}");

    let (ok, said) = purge(&data, &["--days", "0"]);
    assert!(ok, "{said}");
    for text in &personal {
        assert_eq!(holding(&data, text), Vec::<String>::new(), "{text} stays");
    }
    // What was filed is still known: each transaction done, with its diary number, and filing
    // again files nothing twice.
    let journal = files_under(&data)
        .into_iter()
        .find(|p| {
            p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("journal-"))
                && p.extension().is_some_and(|e| e == "sqlite")
        })
        .expect("a journal");
    let endpoint = kirjaamo::export::Endpoint::new(&env.sandbox.tweb_url(), &env.sandbox.outbox_url());
    let records =
        kirjaamo::export::Journal::open(&journal, &endpoint).expect("journal").filings().await.expect("filings");
    assert!(records.len() >= 3, "{}", records.len());
    assert!(records.iter().all(|r| completed.iter().any(|c| c.transaction.id == r.transaction_id)));
    assert!(records.iter().all(|r| r.state == kirjaamo::export::FilingState::Done));
    assert!(records.iter().all(|r| r.result.as_ref().is_some_and(|x| x.diary_number.is_some() || x.case_id.is_none())));
    let (ok, said) = run(&env, &["export", "--auto"]).await;
    assert!(ok && said.contains("filed 0"), "{said}");
}
