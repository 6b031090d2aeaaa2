//! The build profiles of `Cargo.toml` say what they do. Cargo takes the binary's strip setting
//! from the profile of the package that owns it, so a `[profile.X.package.kirjaamo]` override
//! without `strip` silently ships the symbols: the `dist` build was 33.1 MB unstripped while its
//! profile said `strip = true` (29.1 MB stripped, issue 16).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use toml::Value;

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

#[test]
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
