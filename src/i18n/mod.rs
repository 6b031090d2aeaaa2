//! The desk's texts in Finnish, Swedish and English, through Fluent (`assets/i18n/*.ftl`).
//!
//! Finnish is the default and the fallback: a message missing from another language is shown in
//! Finnish rather than as its id.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UiLanguage {
    /// Suomi.
    #[default]
    Fi,
    /// Svenska.
    Sv,
    /// English.
    En,
}

impl UiLanguage {
    /// Every language, in the order the settings list them.
    pub const ALL: [Self; 3] = [Self::Fi, Self::Sv, Self::En];

    /// The language's own name, e.g. "Svenska".
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Fi => "Suomi",
            Self::Sv => "Svenska",
            Self::En => "English",
        }
    }

    /// BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Fi => "fi",
            Self::Sv => "sv",
            Self::En => "en",
        }
    }

    /// The language for a locale such as `sv-FI` or `en_GB.UTF-8`; Finnish for anything else.
    pub fn from_locale(locale: &str) -> Self {
        Self::spoken(locale).unwrap_or(Self::Fi)
    }

    /// The language of a locale if the desk speaks it.
    fn spoken(locale: &str) -> Option<Self> {
        let primary = locale.split(['-', '_', '.']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "fi" => Some(Self::Fi),
            "sv" => Some(Self::Sv),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The first of `locales` (most preferred first) that the desk speaks; Finnish when none is.
    pub fn from_locales(locales: impl IntoIterator<Item = impl AsRef<str>>) -> Self {
        locales.into_iter().find_map(|l| Self::spoken(l.as_ref())).unwrap_or(Self::Fi)
    }

    /// The first of the OS's preferred languages that the desk speaks; Finnish when none is.
    pub fn from_os() -> Self {
        Self::from_locales(sys_locale::get_locales())
    }

    fn source(self) -> &'static str {
        match self {
            Self::Fi => include_str!("../../assets/i18n/fi.ftl"),
            Self::Sv => include_str!("../../assets/i18n/sv.ftl"),
            Self::En => include_str!("../../assets/i18n/en.ftl"),
        }
    }
}

/// The texts' own spelling of a message id or an argument name (`$name`), as a `&'static str`
/// into the English source; `None` when no message or argument is so named. Plain words read
/// back from disk name their messages through it.
pub fn known_name(name: &str) -> Option<&'static str> {
    let source = UiLanguage::En.source();
    let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return None;
    }
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut from = 0;
    while let Some(at) = source[from..].find(name).map(|i| i + from) {
        let end = at + name.len();
        let before = source[..at].chars().next_back();
        let after = source[end..].chars().next();
        let message = before.is_none_or(|c| c == '\n') && source[end..].trim_start_matches(' ').starts_with('=');
        let argument = before == Some('$') && after.is_none_or(|c| !is_word(c));
        if message || argument {
            return Some(&source[at..end]);
        }
        from = end;
    }
    None
}

/// `plain` in English, for logs, the CLI and `Display` (one set of English texts, made once).
pub fn english(plain: &crate::plain::Plain) -> String {
    static ENGLISH: std::sync::OnceLock<Texts> = std::sync::OnceLock::new();
    ENGLISH.get_or_init(|| Texts::new(UiLanguage::En)).say(plain)
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: UiLanguage) -> Bundle {
    let id: LanguageIdentifier = language.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: egui shows them as boxes.
    bundle.set_use_isolating(false);
    // The sources are ours and checked by tests; a broken one still loads what it can.
    let resource = FluentResource::try_new(language.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The texts of one language, with Finnish as the fallback.
pub struct Texts {
    language: UiLanguage,
    bundle: Bundle,
    fallback: Option<Bundle>,
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Texts").field("language", &self.language).finish_non_exhaustive()
    }
}

impl Texts {
    /// Texts in `language`.
    pub fn new(language: UiLanguage) -> Self {
        let fallback = (language != UiLanguage::Fi).then(|| bundle(UiLanguage::Fi));
        Self { language, bundle: bundle(language), fallback }
    }

    /// The language shown.
    pub fn language(&self) -> UiLanguage {
        self.language
    }

    /// A point in time as the UI shows it: Helsinki time, in the UI's language
    /// (`1.12.2026 klo 0.30`, `1.12.2026 kl. 0.30`, `1.12.2026 at 0.30`).
    pub fn timestamp(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        let local = crate::domain::helsinki::local(at);
        let (date, time) = (local.format("%-d.%-m.%Y").to_string(), local.format("%-H.%M").to_string());
        self.with("time-at", &[("date", (&date).into()), ("time", (&time).into())])
    }

    /// A size in bytes as the clerk's language writes it (`512 B`, `13 kt`, `2,4 Mt`).
    pub fn size(&self, bytes: u64) -> String {
        if bytes < 1000 {
            return self.with("size-bytes", &[("value", bytes.to_string().as_str().into())]);
        }
        if bytes < 1_000_000 {
            return self.with("size-kilo", &[("value", bytes.div_ceil(1000).to_string().as_str().into())]);
        }
        let tenths = (bytes + 50_000) / 100_000;
        let (whole, tenth) = ((tenths / 10).to_string(), (tenths % 10).to_string());
        self.with("size-mega", &[("whole", whole.as_str().into()), ("tenth", tenth.as_str().into())])
    }

    /// A [`Plain`](crate::plain::Plain) message said in this language (its nested messages first).
    pub fn say(&self, plain: &crate::plain::Plain) -> String {
        use crate::plain::PlainArg;
        let said: Vec<(&str, String)> = plain
            .args
            .iter()
            .filter_map(|(name, arg)| match arg {
                PlainArg::Said(inner) => Some((*name, self.say(inner))),
                PlainArg::Text(_) | PlainArg::Number(_) => None,
            })
            .collect();
        let mut args: Vec<(&str, Arg<'_>)> = Vec::with_capacity(plain.args.len());
        for (name, arg) in &plain.args {
            match arg {
                PlainArg::Text(text) => args.push((name, Arg::Str(text))),
                PlainArg::Number(n) => args.push((name, Arg::Num(*n as f64))),
                PlainArg::Said(_) => {}
            }
        }
        args.extend(said.iter().map(|(name, text)| (*name, Arg::Str(text))));
        self.with(plain.id, &args)
    }

    /// The message `headline` with its `$error` said from `told`'s plain words.
    pub fn told(&self, headline: &str, told: &crate::plain::Told) -> String {
        let error = self.say(&told.plain);
        self.with(headline, &[("error", (&error).into())])
    }

    /// Whether the message `id` is in this language's own file (not only in the fallback).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` without arguments.
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments (strings or numbers).
    pub fn with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fluent.set(*name, FluentValue::from(*s)),
                Arg::Num(n) => fluent.set(*name, FluentValue::from(*n)),
            }
        }
        self.format(id, Some(&fluent))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in std::iter::once(&self.bundle).chain(&self.fallback) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, args, &mut errors).into_owned();
            }
        }
        id.to_owned()
    }
}

/// An argument of a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Text.
    Str(&'a str),
    /// A number (plural rules apply).
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Self::Str(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Self::Str(s)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Self::Num(n as f64)
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Self::Num(f64::from(n))
    }
}

#[cfg(test)]
mod tests;
