//! Outside programs a test needs (poppler, qpdf, Xvfb, clamd, Wine): a check that needs one runs
//! where the program is on the PATH. Where it is not, the check is not run and the run says so:
//! one line naming what was not checked and why, and the check counted as ignored in the
//! summary. With `KIRJAAMO_REQUIRE_TOOLS=1` (set by `.ci/run`) a missing program fails the check
//! instead, so CI always runs everything.
//!
//! Used by the test binaries with `harness = false` (libtest-mimic), which decide at run time;
//! each uses the part it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use libtest_mimic::{Failed, Trial};

/// An outside program and the Debian package that brings it.
#[derive(Clone, Copy, Debug)]
pub struct Tool {
    /// The command's name, looked up on the PATH.
    pub program: &'static str,
    /// The Debian package that installs it.
    pub package: &'static str,
}

impl Tool {
    /// The program's path, when it is on the PATH.
    pub fn find(&self) -> Option<PathBuf> {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path).map(|dir| dir.join(self.program)).find(|p| is_executable(p))
    }
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Whether a missing program fails the run (`KIRJAAMO_REQUIRE_TOOLS=1`, as in CI).
pub fn required() -> bool {
    std::env::var("KIRJAAMO_REQUIRE_TOOLS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// `trials` as they run given `tools`: unchanged where every tool is on the PATH; otherwise
/// as [`unless`] leaves them, naming the programs and their packages.
pub fn needing(tools: &[Tool], what: &str, trials: Vec<Trial>, quiet: bool) -> Vec<Trial> {
    let missing: Vec<&Tool> = tools.iter().filter(|t| t.find().is_none()).collect();
    if missing.is_empty() {
        return trials;
    }
    let programs = missing.iter().map(|t| t.program).collect::<Vec<_>>().join(", ");
    let mut packages: Vec<&str> = missing.iter().map(|t| t.package).collect();
    packages.dedup();
    let why = format!("{programs} is not installed (apt-get install {})", packages.join(" "));
    unless(Some(&why), &format!("needs {programs}"), what, trials, quiet)
}

/// `trials` as they run given what is missing for them (`why`, in words; `None`: nothing is):
/// unchanged, failed (when [`required`]), or ignored as `kind` with one line on stdout saying
/// what was not checked (`what`) and why. `quiet` (a `--list` run) prints nothing.
pub fn unless(why: Option<&str>, kind: &str, what: &str, trials: Vec<Trial>, quiet: bool) -> Vec<Trial> {
    let Some(why) = why else { return trials };
    if required() {
        let reason = format!("{what} must be checked, and KIRJAAMO_REQUIRE_TOOLS is set: {why}");
        return trials
            .into_iter()
            .map(|trial| {
                let reason = reason.clone();
                Trial::test(trial.name().to_owned(), move || Err(Failed::from(reason)))
            })
            .collect();
    }
    if !quiet {
        let count = trials.len();
        println!("not checked: {what} ({count} check{}): {why}", if count == 1 { "" } else { "s" });
    }
    trials.into_iter().map(|t| t.with_ignored_flag(true).with_kind(kind.to_owned())).collect()
}
