//! A race for the same transactions: one run whose workers are each given every transaction
//! twice, and a second run with its own journal and name walking them the other way, both
//! filing several at once over a slow network. The figures must stay 0 duplicates, 0 lost and 0
//! misfiled, with N = 4 and N = 8.

use kirjaamo::export::refs;
use kirjaamo::tweb::CaseSystem as _;

use kirjaamo::sandbox::FaultConfig;

use crate::common::{Env, cli, start};

/// `filed N` of a run's summary line.
fn filed_now(stdout: &[u8]) -> usize {
    let text = String::from_utf8_lossy(stdout);
    let line = text.lines().last().unwrap_or_default();
    line.strip_prefix("filed ")
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no summary line: {text}"))
}

/// The case and the form of transaction `id` are where the outbox's record of its filing says.
async fn filed_where_recorded(env: &Env, id: &str) {
    let detail = env.outbox.get(id).await.expect("read");
    let completion = detail.completion.unwrap_or_else(|| panic!("{id}: not completed (lost)"));
    let form = env.tweb.document_by_ref(&refs::form(id)).await.expect("look up").expect("form");
    assert_eq!(form.case_id, completion.result.case_id, "{id}: the form is on the recorded case");
    if let Some(case_id) = completion.result.case_id {
        let case = env.tweb.get_case(case_id).await.expect("case");
        assert_eq!(case.external_ref.as_deref(), Some(refs::case(id).as_str()), "{id}: misfiled onto another case");
    }
    assert!(completion.result.document_ids.contains(&form.id), "{id}: the record names the form");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_of_one_run_and_a_second_run_file_each_transaction_once() {
    for parallel in ["4", "8"] {
        let env = start().await;
        env.sandbox.set_faults(FaultConfig::slow(10, 3));
        let ids: Vec<String> = env.pending(None).await.into_iter().take(24).collect();
        let twice: Vec<&str> = ids.iter().chain(ids.iter()).map(String::as_str).collect();
        let backwards: Vec<&str> = ids.iter().rev().map(String::as_str).collect();
        let mut first = cli(&env, &env.dir.path().join("a.sqlite"), "Ajo A");
        first.args(["--parallel", parallel, "--id"]).args(&twice);
        let mut second = cli(&env, &env.dir.path().join("b.sqlite"), "Ajo B");
        second.args(["--parallel", parallel, "--id"]).args(&backwards);
        let (first, second) = tokio::join!(first.output(), second.output());
        let (first, second) = (first.expect("first run"), second.expect("second run"));
        for (name, run) in [("first", &first), ("second", &second)] {
            assert!(run.status.success(), "N={parallel}, {name} run: {}", String::from_utf8_lossy(&run.stderr));
        }
        let filed = filed_now(&first.stdout) + filed_now(&second.stdout);
        assert_eq!(filed, ids.len(), "N={parallel}: each transaction filed now by exactly one run");
        let pending = env.pending(None).await;
        for id in &ids {
            assert!(!pending.contains(id), "N={parallel}: {id} completed");
            env.assert_filed_once(&env.transaction(id).await);
            filed_where_recorded(&env, id).await;
        }
        eprintln!(
            "N={parallel}: {} transactions, each given three times to two runs: 0 duplicates, 0 lost, 0 misfiled",
            ids.len()
        );
    }
}
