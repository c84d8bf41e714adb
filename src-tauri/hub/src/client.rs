//! A laptop's side of the network: joining a hub with a join code, and one round of sync
//! (push what waits, then pull until the log is taken in). Blocking calls, for the app's
//! background thread and clubctl; each owns a small runtime.

use std::path::Path;
use std::time::Duration;

use bytes::Bytes;
use club_core::store::schema::schema_version;
use club_core::sync::client::{self as local, Credentials, Received};
use club_core::sync::{wire, Entry, Push};
use club_core::{Clock, Db};
use http_body_util::{BodyExt, Full};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use rustls_pki_types::ServerName;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use crate::{tls, API};

/// Why talking to the hub did not work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The hub could not be reached (no network, hub down, timeout): try again later.
    Offline(String),
    /// The hub's certificate is not the pinned one: nothing was sent.
    WrongHub(String),
    /// The token is unknown or revoked.
    Unauthorized(String),
    /// The hub refused this request for good.
    Refused(String),
    /// The hub could not do it now (another schema, its own failure).
    Hub(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Offline(m) => write!(f, "the hub cannot be reached: {m}"),
            Failure::WrongHub(m) => write!(f, "{m}"),
            Failure::Unauthorized(m) => write!(f, "the hub does not let this laptop in: {m}"),
            Failure::Refused(m) | Failure::Hub(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Failure {}

impl From<club_core::Error> for Failure {
    fn from(e: club_core::Error) -> Self {
        Failure::Hub(e.to_string())
    }
}

/// A hub at an address, trusted by its certificate's fingerprint.
pub struct Hub {
    host: String,
    port: u16,
    pin: String,
    token: Option<String>,
    runtime: tokio::runtime::Runtime,
    /// The connection of the last request, kept alive for the next.
    kept: std::sync::Mutex<Option<Sender>>,
}

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

impl Hub {
    /// `address` is `https://host:port` or `host:port` (port 8443 when left out).
    pub fn new(address: &str, pin: &str, token: Option<String>) -> Result<Hub, Failure> {
        let address = address.trim();
        if let Some((scheme, _)) = address.split_once("://") {
            if !scheme.eq_ignore_ascii_case("https") {
                return Err(Failure::Refused(format!(
                    "{address}: the hub is reached over https:// only"
                )));
            }
        }
        let rest = address
            .split_once("://")
            .map_or(address, |(_, rest)| rest)
            .trim_end_matches('/');
        let (host, port) = match rest.rsplit_once(':') {
            Some((h, p)) if !h.is_empty() && !h.ends_with(':') => (
                h.trim_matches(|c| c == '[' || c == ']').to_string(),
                p.parse().map_err(|_| {
                    Failure::Refused(format!("{address}: the port is not a number"))
                })?,
            ),
            _ => (rest.to_string(), 8443),
        };
        if host.is_empty() {
            return Err(Failure::Refused("the hub's address is empty".into()));
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Failure::Hub(e.to_string()))?;
        Ok(Hub {
            host,
            port,
            pin: pin.to_string(),
            token,
            runtime,
            kept: std::sync::Mutex::new(None),
        })
    }

    pub fn address(&self) -> String {
        format!("https://{}:{}", self.host, self.port)
    }

    /// A connection to the hub, the one kept from the last request while it is still
    /// open (one TLS handshake for a whole round of pushes), or a new one.
    async fn connection(&self, kept: Option<Sender>) -> Result<(Sender, bool), Failure> {
        if let Some(mut sender) = kept {
            if sender.ready().await.is_ok() {
                return Ok((sender, true));
            }
        }
        let config = tls::pinned_client(&self.pin).map_err(|e| Failure::Hub(e.to_string()))?;
        let connector = TlsConnector::from(std::sync::Arc::new(config));
        let name = ServerName::try_from(self.host.clone())
            .map_err(|_| Failure::Refused(format!("{}: not a host name", self.host)))?;
        let tcp = TcpStream::connect((self.host.as_str(), self.port))
            .await
            .map_err(|e| Failure::Offline(e.to_string()))?;
        let _ = tcp.set_nodelay(true);
        let tls = connector.connect(name, tcp).await.map_err(|e| {
            if e.to_string().contains("join code") {
                Failure::WrongHub(
                    "the hub's certificate is not the one the join code named: \
                     nothing was sent"
                        .into(),
                )
            } else {
                Failure::Offline(e.to_string())
            }
        })?;
        let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tls))
            .await
            .map_err(|e| Failure::Offline(e.to_string()))?;
        tokio::spawn(conn);
        Ok((sender, false))
    }

    fn request(
        &self,
        method: Method,
        path: &str,
        body: Vec<u8>,
        timeout: Duration,
    ) -> Result<(StatusCode, hyper::HeaderMap, Bytes), Failure> {
        let build = || {
            let mut req = Request::builder()
                .method(method.clone())
                .uri(format!("{API}{path}"))
                .header(hyper::header::HOST, format!("{}:{}", self.host, self.port));
            if let Some(token) = &self.token {
                req = req.header(hyper::header::AUTHORIZATION, format!("Bearer {token}"));
            }
            req.body(Full::new(Bytes::from(body.clone())))
                .map_err(|e| Failure::Hub(e.to_string()))
        };
        let exchange = async {
            let kept = self.kept.lock().unwrap_or_else(|p| p.into_inner()).take();
            let (mut sender, reused) = self.connection(kept).await?;
            let sent = match sender.send_request(build()?).await {
                // The hub closed the kept connection as the request went: once more on a
                // new one (every request is safe to repeat: pushes by their operation id).
                Err(e)
                    if reused
                        && (e.is_closed() || e.is_incomplete_message() || e.is_canceled()) =>
                {
                    let (fresh, _) = self.connection(None).await?;
                    sender = fresh;
                    sender.send_request(build()?).await
                }
                other => other,
            };
            let resp = sent.map_err(|e| Failure::Offline(e.to_string()))?;
            let status = resp.status();
            let headers = resp.headers().clone();
            let body = resp
                .into_body()
                .collect()
                .await
                .map_err(|e| Failure::Offline(e.to_string()))?
                .to_bytes();
            *self.kept.lock().unwrap_or_else(|p| p.into_inner()) = Some(sender);
            Ok::<_, Failure>((status, headers, body))
        };
        let (status, headers, body) = self.runtime.block_on(async {
            tokio::time::timeout(timeout, exchange)
                .await
                .unwrap_or_else(|_| Err(Failure::Offline("no answer in time".into())))
        })?;
        if status.is_success() {
            return Ok((status, headers, body));
        }
        let message = serde_json::from_slice::<wire::Refusal>(&body)
            .map(|r| r.error)
            .unwrap_or_else(|_| format!("the hub answered {status}"));
        Err(match status {
            StatusCode::UNAUTHORIZED => Failure::Unauthorized(message),
            StatusCode::UNPROCESSABLE_ENTITY
            | StatusCode::BAD_REQUEST
            | StatusCode::PAYLOAD_TOO_LARGE => Failure::Refused(message),
            _ => Failure::Hub(message),
        })
    }

    /// Exchanges a join code's secret for this organizer's token, name and role.
    pub fn join(&self, secret: &str) -> Result<wire::Joined, Failure> {
        let body = serde_json::to_vec(&wire::JoinRequest {
            code: secret.to_string(),
            schema: schema_version(),
        })
        .expect("a join request encodes");
        let (_, _, body) = self.request(Method::POST, "/join", body, Duration::from_secs(20))?;
        serde_json::from_slice(&body).map_err(|e| Failure::Hub(e.to_string()))
    }

    pub fn push(&self, p: &Push) -> Result<wire::Pushed, Failure> {
        let (_, _, body) = self.request(
            Method::POST,
            "/push",
            wire::encode_push(p),
            Duration::from_secs(60),
        )?;
        serde_json::from_slice(&body).map_err(|e| Failure::Hub(e.to_string()))
    }

    /// The log after `since`; with `wait`, held until there is news or the wait is over.
    pub fn pull(&self, since: i64, wait: Duration) -> Result<(Vec<Entry>, i64), Failure> {
        let path = format!(
            "/pull?since={since}&schema={}&wait={}",
            schema_version(),
            wait.as_secs()
        );
        let (_, _, body) = self.request(
            Method::GET,
            &path,
            Vec::new(),
            wait + Duration::from_secs(30),
        )?;
        wire::decode_pull(&body).map_err(|e| Failure::Hub(e.to_string()))
    }

    /// The hub's database as it stands, written to `to`; returns its sequence.
    pub fn snapshot(&self, to: &Path) -> Result<i64, Failure> {
        let (_, headers, body) = self.request(
            Method::GET,
            "/snapshot",
            Vec::new(),
            Duration::from_secs(600),
        )?;
        let seq = headers
            .get("x-club-seq")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| Failure::Hub("the snapshot came without its sequence".into()))?;
        std::fs::write(to, &body).map_err(|e| Failure::Hub(format!("{}: {e}", to.display())))?;
        Ok(seq)
    }
}

/// Joins the hub at `address` with `code` (`clubctl hub invite` made it): downloads the
/// hub's data into a new database at `path` and makes it a member. Returns it.
pub fn join(path: &Path, clock: &dyn Clock, address: &str, code: &str) -> Result<Db, Failure> {
    if path.exists() {
        return Err(Failure::Refused(format!(
            "{} exists already: a laptop joins into a new database file",
            path.display()
        )));
    }
    let (secret, pin) = wire::split_join_code(code).map_err(|e| Failure::Refused(e.to_string()))?;
    let anonymous = Hub::new(address, &pin, None)?;
    let joined = anonymous.join(&secret)?;
    let hub = Hub::new(address, &pin, Some(joined.token.clone()))?;
    let seq = hub.snapshot(path)?;
    let db = local::open_snapshot(path, clock, &joined.name, Some(&hub.address()), seq)?;
    local::set_credentials(
        &db,
        &Credentials {
            hub_url: hub.address(),
            hub_pin: pin,
            token: joined.token,
        },
    )?;
    Ok(db)
}

/// What one round of sync did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Round {
    pub pushed: usize,
    /// Operations the hub refused for good (undone here).
    pub refused: usize,
    /// Why, for the last of them.
    pub refusal: Option<String>,
    pub received: Received,
}

/// One round: every waiting operation pushed in order, then the log taken in up to the
/// hub's head (the first pull held up to `wait` for news). A failure is noted for the
/// sync indicator and returned; what went through stays through.
pub fn sync_once(db: &Db, clock: &dyn Clock, wait: Duration) -> Result<Round, Failure> {
    let result = round(db, wait);
    let message = match &result {
        Ok(r) => r
            .refusal
            .as_ref()
            .map(|why| format!("the hub refused a change, undone here: {why}")),
        Err(e) => Some(e.to_string()),
    };
    let _ = local::note_exchange(db, clock, result.is_ok(), message.as_deref());
    result
}

fn round(db: &Db, wait: Duration) -> Result<Round, Failure> {
    let hub = connect(db)?;
    let mut out = push_with(db, &hub)?;
    let wait = if out.pushed > 0 { Duration::ZERO } else { wait };
    out.received = pull_with(db, &hub, wait)?;
    Ok(out)
}

/// The hub this laptop joined, with its credentials.
pub fn connect(db: &Db) -> Result<Hub, Failure> {
    let creds = local::credentials(db)?
        .ok_or_else(|| Failure::Refused("this database has not joined a hub".into()))?;
    Hub::new(&creds.hub_url, &creds.hub_pin, Some(creds.token))
}

/// Pushes every waiting operation in order; one refused for good is dropped and undone
/// here. Stops at the first failure that may pass (offline, the hub's own).
pub fn push_with(db: &Db, hub: &Hub) -> Result<Round, Failure> {
    let mut out = Round::default();
    for p in local::outbox(db)? {
        match hub.push(&p) {
            Ok(_) => out.pushed += 1,
            Err(Failure::Refused(reason)) => {
                local::drop_refused(db, &p.op_id)?;
                out.refused += 1;
                out.refusal = Some(reason);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Takes in the log up to the hub's head; the first pull is held up to `wait` for news.
pub fn pull_with(db: &Db, hub: &Hub, mut wait: Duration) -> Result<Received, Failure> {
    let mut out = Received::default();
    loop {
        let since = local::status(db)?.member.map(|m| m.last_seq).unwrap_or(0);
        let (entries, head) = hub.pull(since, wait)?;
        wait = Duration::ZERO;
        let got = local::receive(db, &entries)?;
        out.applied += got.applied;
        out.acknowledged += got.acknowledged;
        out.waiting = got.waiting;
        if entries.is_empty() || entries.last().map(|e| e.seq) >= Some(head) {
            return Ok(out);
        }
    }
}
