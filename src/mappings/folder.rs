//! Which mappings folder a Kirjaamo uses: one rule for the desk, `export` and `mappings check`.
//! The first of these that is set wins: the command-line option, the connection profile's
//! folder, the central configuration's, the `KIRJAAMO_MAPPINGS_DIR` environment variable, and
//! last `mappings/` in the data folder. The demo never uses any of them (see `demo`).

use std::path::{Path, PathBuf};

/// The environment variable naming a mappings folder (e.g. a shared network folder).
pub const ENV: &str = "KIRJAAMO_MAPPINGS_DIR";

/// Where the folder in use was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `--mappings` on the command line.
    Option,
    /// The connection profile.
    Profile,
    /// The machine's central configuration.
    Central,
    /// `KIRJAAMO_MAPPINGS_DIR`.
    Environment,
    /// `mappings/` in the data folder.
    DataFolder,
}

impl Source {
    /// How a command's output names it.
    pub fn words(self) -> &'static str {
        match self {
            Self::Option => "--mappings",
            Self::Profile => "the connection profile",
            Self::Central => "the central configuration",
            Self::Environment => ENV,
            Self::DataFolder => "the data folder",
        }
    }
}

/// The mappings folder in use and where it was named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    /// The folder.
    pub dir: PathBuf,
    /// Where it was named.
    pub source: Source,
}

/// The folder by the rule, from the option, the profile's folder, the central configuration's,
/// the environment, and `data_dir` (the data folder, `mappings/` in it); `None` when none is set
/// and there is no data folder.
pub fn choose(
    option: Option<&Path>,
    profile: Option<&Path>,
    central: Option<&Path>,
    data_dir: Option<&Path>,
) -> Option<Folder> {
    let env = std::env::var_os(ENV).filter(|d| !d.is_empty()).map(PathBuf::from);
    let named = [(option, Source::Option), (profile, Source::Profile), (central, Source::Central)];
    named
        .into_iter()
        .find_map(|(dir, source)| Some(Folder { dir: dir?.to_owned(), source }))
        .or_else(|| env.map(|dir| Folder { dir, source: Source::Environment }))
        .or_else(|| data_dir.map(|d| Folder { dir: d.join("mappings"), source: Source::DataFolder }))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{Source, choose};

    #[test]
    fn the_option_then_the_profile_then_the_central_file_then_the_environment_then_the_data_folder() {
        let (o, p, c, d) = (Path::new("/o"), Path::new("/p"), Path::new("/c"), Path::new("/data"));
        let source = |option, profile, central| choose(option, profile, central, Some(d)).map(|f| f.source);
        assert_eq!(source(Some(o), Some(p), Some(c)), Some(Source::Option));
        assert_eq!(source(None, Some(p), Some(c)), Some(Source::Profile));
        assert_eq!(source(None, None, Some(c)), Some(Source::Central));
        // The environment is read by the process: without it set (as in the tests), the data folder.
        if std::env::var_os(super::ENV).is_none() {
            let folder = choose(None, None, None, Some(d));
            assert_eq!(folder.map(|f| (f.dir, f.source)), Some((d.join("mappings"), Source::DataFolder)));
            assert_eq!(choose(None, None, None, None), None);
        }
    }
}
