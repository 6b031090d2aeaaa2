//! Fault injection: error statuses, latency and connection resets, per endpoint, repeatable from a
//! seed. Configured by `kirjaamo sandbox --faults FILE` or `PUT /_sandbox/faults`.

use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use super::seed::SeedRng;

/// Which API a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Api {
    /// TWeb.
    Tweb,
    /// The ePalvelu outbox.
    Outbox,
}

/// What a firing rule does after its latency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultEffect {
    /// Only the latency.
    Delay,
    /// Answer with this status. With `after`, the request is carried out first and its answer
    /// replaced: the client sees an error although the change was made (a lost response).
    Status {
        /// HTTP status, e.g. 503.
        status: u16,
        /// Carry the request out before failing.
        #[serde(default)]
        after: bool,
    },
    /// Answer "too busy" with a `Retry-After` header: 429 Too Many Requests, or 503 when
    /// `status` says so. Nothing is carried out.
    Busy {
        /// 429 or 503.
        #[serde(default = "too_many")]
        status: u16,
        /// The seconds `Retry-After` asks for.
        retry_after_s: u64,
    },
    /// Read part of the request body, then drop the connection without answering.
    ResetRequest,
    /// Carry the request out, send the headers and half the body, then drop the connection.
    ResetResponse,
    /// Carry the request out without the `external_ref` of its JSON body: a server that ignores
    /// the ref, so that a repeat makes a second object instead of answering 409. Breaks the rule
    /// exactly-once filing rests on; `kirjaamo conformance --write` names it.
    IgnoreExternalRef,
}

/// One fault rule; the first rule that matches a request decides whether it fires.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultRule {
    /// Only this API; both when left out.
    #[serde(default)]
    pub api: Option<Api>,
    /// Only this HTTP method, e.g. `POST`.
    #[serde(default)]
    pub method: Option<String>,
    /// Only paths containing this text, e.g. `/documents`.
    #[serde(default)]
    pub path: Option<String>,
    /// Probability that a matching request fires the rule, 0–1.
    #[serde(default = "always")]
    pub probability: f64,
    /// Delay before the effect, in milliseconds.
    #[serde(default)]
    pub latency_ms: u64,
    /// The effect.
    pub effect: FaultEffect,
    /// Fire at most this many times.
    #[serde(default)]
    pub times: Option<u32>,
}

fn always() -> f64 {
    1.0
}

fn too_many() -> u16 {
    429
}

/// A complete fault configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FaultConfig {
    /// Seed of the random draws; the same seed and request order give the same faults.
    #[serde(default)]
    pub seed: u64,
    /// Rules, first match wins.
    #[serde(default)]
    pub rules: Vec<FaultRule>,
}

impl FaultConfig {
    /// Every request to either server `latency_ms` slower, as over a network between a town hall
    /// and its hosted servers.
    pub fn slow(latency_ms: u64, seed: u64) -> Self {
        let delay = FaultRule {
            api: None,
            method: None,
            path: None,
            probability: 1.0,
            latency_ms,
            effect: FaultEffect::Delay,
            times: None,
        };
        Self { seed, rules: vec![delay] }
    }
}

/// The current configuration with its random state and how often rules fired.
#[derive(Debug, Clone, Serialize)]
pub struct FaultStatus {
    /// The configuration.
    pub config: FaultConfig,
    /// Times each rule fired, in rule order.
    pub fired: Vec<u32>,
}

#[derive(Debug)]
struct Runtime {
    status: FaultStatus,
    rng: SeedRng,
}

/// Fault injection state.
#[derive(Debug)]
pub struct Faults(Mutex<Runtime>);

impl Faults {
    /// Faults from a configuration.
    pub fn new(config: FaultConfig) -> Self {
        let rng = SeedRng::new(config.seed);
        let fired = vec![0; config.rules.len()];
        Self(Mutex::new(Runtime { status: FaultStatus { config, fired }, rng }))
    }

    /// Replaces the configuration and restarts the random sequence from its seed.
    pub fn set(&self, config: FaultConfig) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Runtime {
            rng: SeedRng::new(config.seed),
            status: FaultStatus { fired: vec![0; config.rules.len()], config },
        };
    }

    /// The configuration and counters.
    pub fn status(&self) -> FaultStatus {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).status.clone()
    }

    pub(super) fn decide(&self, api: Api, method: &str, path: &str) -> Option<(u64, FaultEffect)> {
        let mut runtime = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let Runtime { status, rng } = &mut *runtime;
        let index = status.config.rules.iter().position(|rule| {
            rule.api.is_none_or(|a| a == api)
                && rule.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method))
                && rule.path.as_deref().is_none_or(|p| path.contains(p))
        })?;
        let rule = &status.config.rules[index];
        if rule.times.is_some_and(|t| status.fired[index] >= t) || !rng.chance(rule.probability) {
            return None;
        }
        status.fired[index] += 1;
        Some((rule.latency_ms, rule.effect))
    }
}
