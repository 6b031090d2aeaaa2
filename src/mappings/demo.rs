//! The repo's mapping files, built in so demo mode has its defaults wherever it runs.

/// `(file name, text)` of every mapping in the repo's `mappings/`.
pub const DEMO_FILES: &[(&str, &str)] = &[
    ("asukaspysakointi.toml", include_str!("../../mappings/asukaspysakointi.toml")),
    ("liikuntavuoro.toml", include_str!("../../mappings/liikuntavuoro.toml")),
    ("meluilmoitus.toml", include_str!("../../mappings/meluilmoitus.toml")),
    ("omaishoidontuki.toml", include_str!("../../mappings/omaishoidontuki.toml")),
    ("oppilaaksiotto.toml", include_str!("../../mappings/oppilaaksiotto.toml")),
    ("terassilupa.toml", include_str!("../../mappings/terassilupa.toml")),
    ("tietopyynto.toml", include_str!("../../mappings/tietopyynto.toml")),
    ("vahingonkorvaus.toml", include_str!("../../mappings/vahingonkorvaus.toml")),
    ("yhdistysavustus.toml", include_str!("../../mappings/yhdistysavustus.toml")),
];

/// Writes the built-in mappings into `dir` (a demo session's own folder) and returns it.
pub fn write_demo_files(dir: &std::path::Path) -> Result<(), super::MappingError> {
    for (name, text) in DEMO_FILES {
        super::save::write_atomic(&dir.join(name), text)?;
    }
    Ok(())
}
