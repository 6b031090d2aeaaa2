//! The build does what `Cargo.toml` and `.cargo/config.toml` say.
//!
//! - Cargo takes the binary's strip setting from the profile of the package that owns it, so a
//!   `[profile.X.package.kirjaamo]` override without `strip` silently ships the symbols (33.1 MB
//!   instead of 29.1 for `dist`).
//! - `.cargo/config.toml` builds SQLite without what the journal never uses (full-text search,
//!   R-trees, dbstat, extension loading). Cargo reads that file only when it runs inside the
//!   project's folder: built from elsewhere (`cargo test --manifest-path …`), SQLite has its default
//!   options, and this check says it was not made (tests/support/tools.rs).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, missing_docs)]

use libtest_mimic::{Arguments, Trial};
use toml::Value;

#[path = "support/tools.rs"]
mod tools;

fn main() {
    let args = Arguments::from_args();
    let mut trials = vec![Trial::test("a_package_override_of_kirjaamo_keeps_its_profiles_strip", || {
        a_package_override_of_kirjaamo_keeps_its_profiles_strip();
        Ok(())
    })];
    let sqlite = Trial::test("sqlite_is_built_without_full_text_search_r_trees_or_extension_loading", || {
        sqlite_is_built_without_full_text_search_r_trees_or_extension_loading();
        Ok(())
    });
    let outside = option_env!("LIBSQLITE3_FLAGS").is_none().then_some(
        "built from outside the project's folder, where cargo does not read .cargo/config.toml \
         (run cargo test in the project's folder)",
    );
    trials.extend(tools::unless(
        outside,
        "needs .cargo/config.toml",
        "SQLite's build options",
        vec![sqlite],
        args.list,
    ));
    libtest_mimic::run(&args, trials).exit();
}

fn manifest() -> toml::Table {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    std::fs::read_to_string(path).expect("Cargo.toml").parse().expect("Cargo.toml parses")
}

/// A profile's own setting, else the one it inherits (`release` and `dev` end the chain).
fn setting<'a>(profiles: &'a toml::Table, name: &str, key: &str) -> Option<&'a Value> {
    let profile = profiles.get(name)?.as_table()?;
    profile
        .get(key)
        .or_else(|| profile.get("inherits").and_then(Value::as_str).and_then(|up| setting(profiles, up, key)))
}

fn a_package_override_of_kirjaamo_keeps_its_profiles_strip() {
    let manifest = manifest();
    let profiles = manifest["profile"].as_table().expect("[profile]");
    assert_eq!(setting(profiles, "dist", "strip"), Some(&Value::Boolean(true)), "dist ships stripped");
    for (name, profile) in profiles {
        let Some(own) = profile.get("package").and_then(|p| p.get("kirjaamo")) else { continue };
        assert_eq!(
            own.get("strip"),
            setting(profiles, name, "strip"),
            "[profile.{name}.package] kirjaamo must repeat the profile's strip, or the binary keeps its symbols"
        );
    }
}

fn sqlite_is_built_without_full_text_search_r_trees_or_extension_loading() {
    let connection = rusqlite::Connection::open_in_memory().expect("SQLite in memory");
    let mut statement = connection.prepare("PRAGMA compile_options").expect("prepare");
    let options: Vec<String> =
        statement.query_map([], |row| row.get(0)).expect("query").collect::<Result<_, _>>().expect("rows");
    assert!(options.iter().any(|o| o == "OMIT_LOAD_EXTENSION"), "{options:?}");
    for left_out in ["ENABLE_FTS3", "ENABLE_FTS5", "ENABLE_RTREE", "ENABLE_DBSTAT_VTAB"] {
        assert!(!options.iter().any(|o| o == left_out), "{left_out} in {options:?}");
    }
    assert!(connection.execute_batch("CREATE VIRTUAL TABLE words USING fts5(text)").is_err());
}
