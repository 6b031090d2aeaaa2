//! The mappings as checked against TWeb's catalog: which may be used as a default, and why the
//! others may not. Until the catalog has arrived, none may.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::domain::Catalog;
use crate::mappings::ServiceMapping;
use crate::mappings::check::{Checker, Severity};

/// Why a service has no usable mapping.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Unusable {
    /// No mapping names the service.
    #[error("the e-service has no mapping")]
    NoMapping,
    /// TWeb's catalog has not arrived (or failed), so the mapping is not checked yet.
    #[error("its mapping is not yet checked against TWeb's catalog")]
    NotChecked,
    /// The check found errors, in the checker's words.
    #[error("its mapping has errors: {}", .0.iter().map(crate::i18n::english).collect::<Vec<_>>().join("; "))]
    Errors(Vec<crate::plain::Plain>),
}

/// The mappings and what the check against the catalog found.
#[derive(Debug, Clone, Default)]
pub struct CheckedMappings {
    mappings: Arc<Vec<ServiceMapping>>,
    /// Errors per service; `None` until checked.
    errors: Option<BTreeMap<String, Vec<crate::plain::Plain>>>,
}

impl CheckedMappings {
    /// `mappings`, not checked yet: none usable.
    pub fn unchecked(mappings: Arc<Vec<ServiceMapping>>) -> Self {
        Self { mappings, errors: None }
    }

    /// `mappings` checked against `catalog`.
    pub fn check(mappings: Arc<Vec<ServiceMapping>>, catalog: &Catalog) -> Self {
        let checker = Checker { catalog, services: &[] };
        let errors = mappings
            .iter()
            .map(|m| {
                let report = checker.check_mapping_value(m);
                let errors = report.issues.iter().filter(|i| i.severity == Severity::Error);
                (m.service.clone(), errors.map(|i| i.message.clone()).collect::<Vec<_>>())
            })
            .filter(|(_, errors)| !errors.is_empty())
            .collect();
        Self { mappings, errors: Some(errors) }
    }

    /// Every mapping, usable or not (the admin view edits them all).
    pub fn all(&self) -> &Arc<Vec<ServiceMapping>> {
        &self.mappings
    }

    /// The mapping of `service` if it may be used as a default.
    pub fn usable(&self, service: &str) -> Result<&ServiceMapping, Unusable> {
        let mapping = self.mappings.iter().find(|m| m.service == service).ok_or(Unusable::NoMapping)?;
        match self.errors.as_ref().map(|e| e.get(service)) {
            None => Err(Unusable::NotChecked),
            Some(Some(errors)) => Err(Unusable::Errors(errors.clone())),
            Some(None) => Ok(mapping),
        }
    }
}

impl CheckedMappings {
    /// The mappings of a folder as `kirjaamo mappings check` reports them: the usable ones, and
    /// the errors of the others (a file that could not be read as a mapping uses nothing).
    pub fn from_reports(reports: &[crate::mappings::check::Report]) -> Self {
        let mut mappings = Vec::new();
        let mut errors = BTreeMap::new();
        for report in reports {
            let Some(mapping) = &report.mapping else { continue };
            let found: Vec<crate::plain::Plain> =
                report.issues.iter().filter(|i| i.severity == Severity::Error).map(|i| i.message.clone()).collect();
            if !found.is_empty() {
                errors.insert(mapping.service.clone(), found);
            }
            mappings.push(mapping.clone());
        }
        Self { mappings: Arc::new(mappings), errors: Some(errors) }
    }
}

impl CheckedMappings {
    /// Uses `mapping` from now on: saved by the admin view, which saves only a mapping without
    /// errors against the catalog in hand. The caller checks everything again when it can.
    pub fn replace(&mut self, mapping: ServiceMapping) {
        let mut all: Vec<ServiceMapping> =
            self.mappings.iter().filter(|m| m.service != mapping.service).cloned().collect();
        if let Some(errors) = &mut self.errors {
            errors.remove(&mapping.service);
        }
        all.push(mapping);
        all.sort_by(|a, b| a.service.cmp(&b.service));
        self.mappings = Arc::new(all);
    }
}

/// Why TWeb's catalog, or the mappings folder to check against it, could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// TWeb did not give its catalog.
    #[error("TWeb's catalog could not be read")]
    Tweb(#[from] crate::remote::RemoteError),
    /// The mappings folder could not be read.
    #[error("the mappings folder could not be read")]
    Mappings(#[from] crate::mappings::MappingError),
}

impl crate::plain::Explain for CatalogError {
    fn plain(&self) -> crate::plain::Plain {
        match self {
            Self::Tweb(error) => error.plain(),
            Self::Mappings(error) => error.plain(),
        }
    }
}

/// TWeb's catalog, and the mapping files of `dir` read again and checked against it: a file
/// changed on disk (by another admin, on a shared folder) is used as it is now, and one that
/// cannot be read as a mapping gives no default. The desk asks this at start and on Päivitä.
pub async fn fetch_and_check_dir(
    tweb: &impl crate::tweb::CaseSystem,
    dir: std::path::PathBuf,
) -> Result<(Catalog, CheckedMappings), CatalogError> {
    let catalog = crate::tweb::fetch_catalog(tweb).await?;
    let checker_catalog = catalog.clone();
    let reports = tokio::task::spawn_blocking(move || {
        crate::mappings::check::Checker { catalog: &checker_catalog, services: &[] }.check_dir(&dir)
    })
    .await
    .map_err(|e| crate::mappings::MappingError::Io { path: "mappings".into(), source: std::io::Error::other(e) })??;
    Ok((catalog, CheckedMappings::from_reports(&reports)))
}

/// TWeb's catalog, and `mappings` checked against it (a session without a mappings folder).
pub async fn fetch_and_check(
    tweb: &impl crate::tweb::CaseSystem,
    mappings: Arc<Vec<ServiceMapping>>,
) -> Result<(Catalog, CheckedMappings), crate::remote::RemoteError> {
    let catalog = crate::tweb::fetch_catalog(tweb).await?;
    let checked = CheckedMappings::check(mappings, &catalog);
    Ok((catalog, checked))
}

impl crate::plain::Explain for Unusable {
    fn plain(&self) -> crate::plain::Plain {
        use crate::plain::Plain;
        match self {
            Self::NoMapping => Plain::new("unusable-no-mapping"),
            Self::NotChecked => Plain::new("unusable-not-checked"),
            Self::Errors(errors) => Plain::new("unusable-errors").number("count", errors.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mappings() -> Arc<Vec<ServiceMapping>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
        Arc::new(crate::mappings::load_dir(&dir).unwrap_or_else(|e| panic!("{e}")))
    }

    #[test]
    fn nothing_is_usable_until_the_catalog_has_checked_it() {
        let unchecked = CheckedMappings::unchecked(mappings());
        assert_eq!(unchecked.usable("asukaspysakointi").err(), Some(Unusable::NotChecked));
        assert_eq!(unchecked.usable("no-such-service").err(), Some(Unusable::NoMapping));
        let checked = CheckedMappings::check(mappings(), &crate::demo::builtin_catalog().0);
        assert!(checked.usable("asukaspysakointi").is_ok());
    }

    #[test]
    fn a_mapping_with_errors_is_not_usable_and_says_why() {
        let mut all = (*mappings()).clone();
        if let Some(m) = all.iter_mut().find(|m| m.service == "meluilmoitus") {
            m.case_group = Some("99.99.99".into());
        }
        let checked = CheckedMappings::check(Arc::new(all), &crate::demo::builtin_catalog().0);
        match checked.usable("meluilmoitus") {
            Err(Unusable::Errors(errors)) => {
                assert!(errors.iter().any(|e| crate::i18n::english(e).contains("99.99.99")), "{errors:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(checked.usable("asukaspysakointi").is_ok(), "the others stay usable");
    }
}
