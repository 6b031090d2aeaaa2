//! The sandbox's faults as the tests ask for them.

/// A fault on every `method` request to `path` (`times` at most, if given), with no delay.
pub fn fault(
    method: &str,
    path: &str,
    effect: kirjaamo::sandbox::FaultEffect,
    times: Option<u32>,
) -> kirjaamo::sandbox::FaultRule {
    kirjaamo::sandbox::FaultRule {
        api: None,
        method: Some(method.to_owned()),
        path: Some(path.to_owned()),
        probability: 1.0,
        latency_ms: 0,
        effect,
        times,
    }
}
