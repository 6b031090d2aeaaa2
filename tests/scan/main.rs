//! Malware scanning against a real clamd (Debian's clamav-daemon), started by the tests with a
//! signature database they write themselves. Without clamd the run says what it did not check
//! (tests/support/tools.rs); CI requires it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr, missing_docs)]

#[path = "../support/clamd.rs"]
mod clamd;
#[path = "../support/steps.rs"]
mod steps;
#[path = "../support/tools.rs"]
mod tools;

mod desk;
mod export;
mod scanner;

use libtest_mimic::{Arguments, Trial};

fn main() {
    let args = Arguments::from_args();
    let checks: Vec<(&str, fn())> = vec![
        (
            "a_clean_file_is_clean_over_tcp_and_the_unix_socket",
            scanner::a_clean_file_is_clean_over_tcp_and_the_unix_socket,
        ),
        ("eicar_and_eicar_in_a_zip_are_found_by_name", scanner::eicar_and_eicar_in_a_zip_are_found_by_name),
        (
            "a_file_over_stream_max_length_is_not_scanned_never_clean",
            scanner::a_file_over_stream_max_length_is_not_scanned_never_clean,
        ),
        ("a_stopped_or_slow_clamd_scans_nothing", scanner::a_stopped_or_slow_clamd_scans_nothing),
        (
            "a_verdict_is_remembered_by_sha256_and_the_bytes_must_match",
            scanner::a_verdict_is_remembered_by_sha256_and_the_bytes_must_match,
        ),
        (
            "malware_is_quarantined_with_nothing_made_and_can_be_filed_left_out",
            export::malware_is_quarantined_with_nothing_made_and_can_be_filed_left_out,
        ),
        (
            "a_scanner_that_is_down_files_nothing_and_leaves_it_pending",
            export::a_scanner_that_is_down_files_nothing_and_leaves_it_pending,
        ),
        (
            "export_auto_leaves_the_infected_unfiled_and_files_the_rest",
            export::export_auto_leaves_the_infected_unfiled_and_files_the_rest,
        ),
        ("the_desk_quarantines_eicar_and_files_without_it", desk::the_desk_quarantines_eicar_and_files_without_it),
        ("the_scan_command_names_each_file_s_verdict", scanner::the_scan_command_names_each_file_s_verdict),
    ];
    let trials: Vec<Trial> = checks
        .into_iter()
        .map(|(name, check)| {
            Trial::test(name, move || {
                check();
                Ok(())
            })
        })
        .collect();
    let what = "malware scanning against a real clamd";
    let found = clamd::find();
    let why = found.is_none().then(|| "clamd is not installed (apt-get install clamav-daemon)".to_owned());
    let trials = tools::unless(why.as_deref(), "needs clamd", what, trials, args.list);
    libtest_mimic::run(&args, trials).exit();
}
