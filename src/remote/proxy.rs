//! Which way the requests go: through the OS's proxy settings, through the proxy a connection
//! profile names, or straight. A server on this machine (the sandbox, a tunnel) is always reached
//! straight, whatever the settings say.

/// How requests reach TWeb and the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ProxyChoice {
    /// The OS's settings: `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` from the
    /// environment, and on Windows the user's Internet Options (ProxyServer, ProxyOverride) when
    /// the environment names none. Straight where nothing is set.
    #[default]
    System,
    /// Straight to the servers, whatever the OS says.
    Direct,
    /// Through this proxy for every server: `http://proxy.kunta.fi:8080` (checked by
    /// [`super::check_proxy`]: no password in it).
    Named(String),
}

impl ProxyChoice {
    /// The choice for a connection to `urls` with the profile's `proxy` setting: straight when
    /// every server is on this machine, else the named proxy, else the OS's settings. The word
    /// `direct` asks for no proxy at all.
    pub fn for_servers(proxy: Option<&str>, urls: &[&str]) -> Self {
        if urls.iter().all(|url| is_loopback(url)) {
            return Self::Direct;
        }
        match proxy.map(str::trim).filter(|p| !p.is_empty()) {
            None => Self::System,
            Some(p) if p.eq_ignore_ascii_case("direct") => Self::Direct,
            Some(p) => Self::Named(p.to_owned()),
        }
    }
}

fn is_loopback(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|url| super::policy::is_loopback(&url))
}

#[cfg(test)]
mod tests {
    use super::ProxyChoice;

    #[test]
    fn this_machine_is_reached_straight_and_a_named_proxy_wins_over_the_os() {
        let local = ["http://127.0.0.1:8700/tweb", "http://localhost:8700/epalvelu"];
        assert_eq!(ProxyChoice::for_servers(Some("http://proxy:8080"), &local), ProxyChoice::Direct);
        let remote = ["https://tweb.kunta.fi/api", "https://epalvelu.kunta.fi"];
        assert_eq!(ProxyChoice::for_servers(None, &remote), ProxyChoice::System);
        assert_eq!(ProxyChoice::for_servers(Some("  "), &remote), ProxyChoice::System);
        assert_eq!(ProxyChoice::for_servers(Some("Direct"), &remote), ProxyChoice::Direct);
        assert_eq!(
            ProxyChoice::for_servers(Some(" http://proxy.kunta.fi:8080 "), &remote),
            ProxyChoice::Named("http://proxy.kunta.fi:8080".into())
        );
        // One remote server is enough for the proxy to matter.
        let mixed = ["http://127.0.0.1:8700/tweb", "https://epalvelu.kunta.fi"];
        assert_eq!(ProxyChoice::for_servers(None, &mixed), ProxyChoice::System);
    }
}
