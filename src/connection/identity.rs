//! Who files: the name claims, filings and the history carry. It is never typed. A clerk who
//! signs in to TWeb as themselves (user name and password) is the TWeb user that `GET /me`
//! names; with a shared API token, or a TWeb without `/me`, the OS account the desk runs under
//! (`DOMAIN\user` on Windows).

use crate::contract::tweb::Me;
use crate::settings::TwebSignIn;

/// Where the identity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentitySource {
    /// The TWeb user signed in.
    TwebUser,
    /// The account of the operating system.
    OsAccount,
}

/// The clerk as claims and the history name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The name, e.g. `Liisa Laine (llaine)` or `KUNTA\llaine`.
    pub name: String,
    /// Where it came from.
    pub source: IdentitySource,
}

/// The OS account the program runs under: `DOMAIN\user` on Windows, the user name elsewhere
/// (from the environment, else from the kernel and the password file).
pub fn os_account() -> Option<String> {
    let var = |name: &str| std::env::var(name).ok().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    if cfg!(windows) {
        let user = var("USERNAME")?;
        return Some(var("USERDOMAIN").map_or_else(|| user.clone(), |domain| format!("{domain}\\{user}")));
    }
    var("USER").or_else(|| var("LOGNAME")).or_else(account_of_process)
}

/// The account this process runs as, from the kernel and the password file (a service or a
/// container often has no `USER`): its name, else `uid N`.
fn account_of_process() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status.lines().find_map(|l| l.strip_prefix("Uid:"))?.split_whitespace().next()?.to_owned();
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let name = passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.get(2) == Some(&uid.as_str())).then(|| fields.first().map(|n| (*n).to_owned())).flatten()
    });
    Some(name.unwrap_or_else(|| format!("uid {uid}")))
}

/// The identity of a clerk signed in with `sign_in`, whom TWeb's `/me` answered as `me` (if it
/// could be asked); `None` when neither TWeb nor the OS names anyone.
pub fn identity(sign_in: &TwebSignIn, me: Option<&Me>) -> Option<Identity> {
    match (sign_in, me) {
        (TwebSignIn::Password { .. }, Some(me)) => {
            let name = if me.name.trim().is_empty() { me.user.clone() } else { format!("{} ({})", me.name, me.user) };
            Some(Identity { name, source: IdentitySource::TwebUser })
        }
        _ => os_account().map(|name| Identity { name, source: IdentitySource::OsAccount }),
    }
}

#[cfg(test)]
mod tests {
    use super::{IdentitySource, identity, os_account};
    use crate::contract::tweb::Me;
    use crate::settings::TwebSignIn;

    #[test]
    fn a_clerk_signed_in_as_themselves_is_their_tweb_user_and_a_shared_token_is_the_os_account() {
        let me = Me { user: "llaine".to_owned(), name: "Liisa Laine".to_owned(), rights: Vec::new() };
        let own = TwebSignIn::Password { user: "llaine".to_owned() };
        let found = identity(&own, Some(&me)).map(|i| (i.name, i.source));
        assert_eq!(found, Some(("Liisa Laine (llaine)".to_owned(), IdentitySource::TwebUser)));
        // A shared token says nothing of who sits at the desk: the OS account does.
        let shared = identity(&TwebSignIn::Token, Some(&me));
        assert_eq!(shared.as_ref().map(|i| i.source), os_account().map(|_| IdentitySource::OsAccount));
        assert_eq!(shared.map(|i| i.name), os_account());
        // Without /me, the OS account too.
        assert_eq!(identity(&own, None).map(|i| i.name), os_account());
    }
}
