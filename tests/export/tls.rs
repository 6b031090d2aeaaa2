//! TLS as the clients use it: the municipality's own CA, given as a PEM bundle, is trusted in
//! addition to the system's roots; a server whose certificate no trusted CA signed is refused and
//! reported as a certificate problem; a profile's proxy carries the TLS to servers elsewhere.
//! Certificates are generated here with rcgen.

use std::sync::Arc;

use kirjaamo::remote::{RemoteErrorKind, http_client, http_client_trusting, read_ca_bundle};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

struct Ca {
    cert: rcgen::Certificate,
    key: rcgen::KeyPair,
}

fn ca(name: &str) -> Ca {
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params.distinguished_name.push(rcgen::DnType::CommonName, name);
    let key = rcgen::KeyPair::generate().expect("key");
    let cert = params.self_signed(&key).expect("CA");
    Ca { cert, key }
}

/// Serves one HTTPS answer per connection on 127.0.0.1 with a `localhost` certificate signed by `ca`.
async fn server(ca: &Ca) -> u16 {
    server_for(ca, "localhost").await
}

/// Like [`server`], with a certificate for `name`.
async fn server_for(ca: &Ca, name: &str) -> u16 {
    let params = rcgen::CertificateParams::new(vec![name.to_owned()]).expect("params");
    let key = rcgen::KeyPair::generate().expect("key");
    let leaf = params.signed_by(&key, &ca.cert, &ca.key).expect("leaf");
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone()], rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()))
        .expect("server config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else { return };
                let mut buffer = [0u8; 4096];
                let _ = tls.read(&mut buffer).await;
                let _ = tls.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok").await;
                let _ = tls.shutdown().await;
            });
        }
    });
    port
}

#[tokio::test]
async fn the_municipal_ca_is_trusted_and_a_wrong_one_is_refused_clearly() {
    let municipal = ca("Kunnan oma CA");
    let port = server(&municipal).await;
    let url = format!("https://localhost:{port}/tweb/api/v1/catalog/users");
    let dir = tempfile::tempdir().expect("temp dir");
    let bundle = dir.path().join("kunta-ca.pem");
    std::fs::write(&bundle, municipal.cert.pem()).expect("write");

    let trusting = http_client_trusting(&read_ca_bundle(&bundle).expect("bundle")).expect("client");
    let answer = trusting.get(&url).send().await.expect("the municipal CA is trusted");
    assert_eq!(answer.text().await.expect("body"), "ok");

    // The system roots alone do not know it; nor does another CA.
    let wrong = dir.path().join("wrong-ca.pem");
    std::fs::write(&wrong, ca("Joku muu CA").cert.pem()).expect("write");
    for client in [
        http_client().expect("client"),
        http_client_trusting(&read_ca_bundle(&wrong).expect("bundle")).expect("client"),
    ] {
        let error = client.get(&url).send().await.expect_err("refused");
        let error = kirjaamo::remote::RemoteError::from_reqwest(kirjaamo::remote::Action::ReadCaseGroups, error);
        assert_eq!(error.kind, RemoteErrorKind::Tls, "{error:#}");
        assert!(format!("{:#}", anyhow::Error::from(error)).contains("certificate"));
    }

    // A bundle that is not one is named.
    let empty = dir.path().join("empty.pem");
    std::fs::write(&empty, "not a certificate").expect("write");
    let message = read_ca_bundle(&empty).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("holds no PEM certificate"), "{message}");
}

#[test]
fn plain_http_to_another_machine_is_refused_before_anything_is_sent() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .args(["export", "--auto", "--journal", "/nonexistent/never-opened.sqlite"])
        .env("KIRJAAMO_TWEB_URL", "http://tweb.kunta.fi/tweb")
        .env("KIRJAAMO_OUTBOX_URL", "https://epalvelu.kunta.fi/outbox")
        .env("KIRJAAMO_TWEB_TOKEN", "secret-token")
        .env("KIRJAAMO_OUTBOX_TOKEN", "secret-token")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("http://tweb.kunta.fi/tweb is not encrypted: use https://"), "{stderr}");
    assert!(!stderr.contains("secret-token"), "{stderr}");
}

#[tokio::test]
async fn test_connection_calls_an_untrusted_certificate_a_certificate_problem_and_uses_the_profiles_ca() {
    let municipal = ca("Kunnan oma CA");
    let port = server(&municipal).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let bundle = dir.path().join("kunta-ca.pem");
    std::fs::write(&bundle, municipal.cert.pem()).expect("write");
    let mut connection = kirjaamo::connection::Connection {
        tweb_url: format!("https://localhost:{port}/tweb/api/v1"),
        tweb_auth: kirjaamo::tweb::TwebAuth::Bearer("t".to_owned()),
        outbox_url: format!("https://localhost:{port}/epalvelu/api/v1"),
        outbox_token: "o".to_owned(),
        clerk: "Testi".to_owned(),
        label: "Testi".to_owned(),
        case_url: None,
        ca_bundle: None,
        proxy: None,
        scanner: kirjaamo::scan::ScannerChoice::Off,
        parallel: kirjaamo::export::pace::DEFAULT_PARALLEL,
    };
    let untrusted = kirjaamo::connection::check(&connection).await;
    assert_eq!(untrusted.tweb.verdict, kirjaamo::connection::Verdict::BadCertificate, "{}", untrusted.tweb.detail);
    assert_eq!(untrusted.outbox.verdict, kirjaamo::connection::Verdict::BadCertificate);

    // With the profile's CA bundle the handshake succeeds; this server is no TWeb, and says so.
    connection.ca_bundle = Some(bundle);
    let trusted = kirjaamo::connection::check(&connection).await;
    assert_eq!(trusted.tweb.verdict, kirjaamo::connection::Verdict::NotTheService, "{}", trusted.tweb.detail);

    connection.ca_bundle = Some(dir.path().join("missing.pem"));
    let missing = kirjaamo::connection::check(&connection).await;
    assert_eq!(missing.tweb.verdict, kirjaamo::connection::Verdict::Insecure);
    assert!(missing.tweb.detail.contains("reading the CA bundle"), "{}", missing.tweb.detail);
}

/// `kirjaamo conformance` against a TWeb whose certificate no trusted CA signed: the report says
/// `tweb.tls` differs, in words about the certificate, and the exit code is non-zero.
#[tokio::test]
async fn conformance_names_an_untrusted_certificate() {
    let port = server(&ca("Tuntematon CA")).await;
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_kirjaamo"))
        .args(["conformance", "--json", "--tweb-url"])
        .arg(format!("https://localhost:{port}/tweb"))
        .arg("--outbox-url")
        .arg(format!("https://localhost:{port}/epalvelu"))
        .env("KIRJAAMO_TWEB_USER", "kirjaamo")
        .env("KIRJAAMO_TWEB_PASSWORD", "demo")
        .env("KIRJAAMO_OUTBOX_TOKEN", "epalvelu-demo-token")
        .env("RUST_LOG", "off")
        .output()
        .await
        .expect("conformance runs");
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let checks = report["checks"].as_array().expect("checks");
    let tls = checks.iter().find(|c| c["id"] == "tweb.tls").expect("a TLS check");
    assert_eq!(tls["outcome"], "fail", "{tls}");
    let found = tls["found"].as_str().unwrap_or_default();
    assert!(found.contains("certificate"), "{found}");
}

/// An HTTP proxy on 127.0.0.1 that tunnels every CONNECT to 127.0.0.1:`target` (whatever host it
/// names, as a corporate proxy would reach it) and records the request lines it was sent.
async fn tunnelling_proxy(target: u16) -> (u16, Arc<std::sync::Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let log = Arc::clone(&log);
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && client.read(&mut byte).await.is_ok_and(|n| n == 1) {
                    head.push(byte[0]);
                }
                let text = String::from_utf8_lossy(&head).into_owned();
                log.lock().expect("log").push(text.lines().next().unwrap_or_default().to_owned());
                let Ok(mut upstream) = tokio::net::TcpStream::connect(("127.0.0.1", target)).await else { return };
                if client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n").await.is_ok() {
                    let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
                }
            });
        }
    });
    (port, seen)
}

/// A municipality behind a corporate proxy names it in the profile: the requests to TWeb go
/// through it as a CONNECT tunnel (the proxy never sees inside the TLS, and the municipality's CA
/// still checks the server); servers on this machine are reached straight; a proxy address with
/// a password is refused before anything is sent.
#[tokio::test]
async fn a_profile_s_proxy_tunnels_to_servers_elsewhere_and_this_machine_is_reached_straight() {
    let municipal = ca("Kunnan oma CA");
    let remote = server_for(&municipal, "tweb.kunta.example").await;
    let (proxy, seen) = tunnelling_proxy(remote).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let bundle = dir.path().join("kunta-ca.pem");
    std::fs::write(&bundle, municipal.cert.pem()).expect("write");
    let mut connection = kirjaamo::connection::Connection {
        tweb_url: "https://tweb.kunta.example/tweb/api/v1".to_owned(),
        tweb_auth: kirjaamo::tweb::TwebAuth::Bearer("t".to_owned()),
        outbox_url: "https://epalvelu.kunta.example/api/v1".to_owned(),
        outbox_token: "o".to_owned(),
        clerk: "Testi".to_owned(),
        label: "Testi".to_owned(),
        case_url: None,
        ca_bundle: Some(bundle),
        proxy: Some(format!("http://127.0.0.1:{proxy}")),
        scanner: kirjaamo::scan::ScannerChoice::Off,
        parallel: kirjaamo::export::pace::DEFAULT_PARALLEL,
    };
    let client = connection.http_client().expect("client");
    let answer = client.get("https://tweb.kunta.example/tweb/api/v1/catalog/users").send().await.expect("tunnelled");
    assert_eq!(answer.text().await.expect("body"), "ok");
    assert_eq!(*seen.lock().expect("seen"), ["CONNECT tweb.kunta.example:443 HTTP/1.1"]);

    // The same profile to servers on this machine: straight, the proxy sees nothing more.
    let local = server(&municipal).await;
    connection.tweb_url = format!("https://localhost:{local}/tweb/api/v1");
    connection.outbox_url = format!("https://localhost:{local}/epalvelu/api/v1");
    let client = connection.http_client().expect("client");
    let answer = client.get(format!("https://localhost:{local}/tweb/api/v1/me")).send().await.expect("straight");
    assert_eq!(answer.text().await.expect("body"), "ok");
    assert_eq!(seen.lock().expect("seen").len(), 1);

    connection.proxy = Some(format!("http://kirjaamo:salainen@127.0.0.1:{proxy}"));
    let refused = connection.http_client().expect_err("a password in the settings is refused");
    let told = format!("{:#}", anyhow::Error::from(refused));
    assert!(told.contains("password") && !told.contains("salainen"), "{told}");
}
