//! The hub's HTTPS server. Every request but `join` carries a member's token; bodies are
//! size-limited and decoded strictly (club_core::sync::wire); the database work runs on
//! blocking threads, one writer at a time as everywhere. Pushes that arrive together are
//! committed together (one fsync), each answered once it is durable. A pull with `wait`
//! is held until the log grows past the laptop's sequence (long poll), so a change
//! reaches the other organizers about as fast as the network carries it.
//!
//!   POST /v1/join      {code, schema}                       → {token, name, role}
//!   POST /v1/push      a push (wire.rs)                     → {seq, new}
//!   GET  /v1/pull?since=N&schema=S&wait=SECONDS             → {entries, head}
//!   GET  /v1/snapshot  the database as it stands (a new laptop's start), x-club-seq
//!   GET  /v1/status    {head, members}

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use club_core::store::schema::schema_version;
use club_core::sync::team::{self, Member};
use club_core::sync::{hub, wire, Role};
use club_core::{Db, Error, SystemClock};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;

use crate::tls::{self, Identity};
use crate::API;

/// The longest a pull is held waiting for news.
const MAX_WAIT: Duration = Duration::from_secs(30);
/// Entries per pull; a laptop far behind pulls again at once.
const PULL_BATCH: usize = 500;

/// The most pushes committed together; more wait for the next commit.
const MAX_GROUP: usize = 64;

struct State {
    db: Arc<Db>,
    dir: PathBuf,
    head: watch::Sender<i64>,
    /// Pushes go to the committer (group commit).
    pushes: std::sync::mpsc::Sender<Queued>,
}

/// A push waiting for the committer, with where its answer goes.
struct Queued {
    role: Role,
    push: club_core::sync::Push,
    answer: tokio::sync::oneshot::Sender<Result<hub::Accepted, Failed>>,
}

/// Applies the pushes as they come, all those waiting in one transaction (one fsync), and
/// answers each once that transaction is committed. Ends when the server is gone.
fn committer(db: Arc<Db>, queue: std::sync::mpsc::Receiver<Queued>) {
    while let Ok(first) = queue.recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match queue.try_recv() {
                Ok(q) => group.push(q),
                Err(_) => break,
            }
        }
        let pushes: Vec<_> = group.iter().map(|q| (q.role, &q.push)).collect();
        let applied = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            hub::push_all(&db, &SystemClock, &pushes)
        }));
        let answers: Vec<Result<hub::Accepted, Failed>> = match applied {
            Ok(Ok(answers)) => answers.into_iter().map(|a| a.map_err(failed)).collect(),
            Ok(Err(e)) => vec![Err(failed(e)); group.len()],
            Err(_) => vec![Err(internal("applying a push panicked")); group.len()],
        };
        for (q, a) in group.into_iter().zip(answers) {
            let _ = q.answer.send(a);
        }
    }
}

/// A hub serving in the background (tests, and `clubctl hub serve` in the foreground).
pub struct Running {
    pub addr: SocketAddr,
    pub fingerprint: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Opens the hub's database at `db_path` (its certificate beside it, made on first start)
/// and serves on `listen` from a thread of its own.
pub fn spawn(db_path: &Path, listen: &str, names: &[String]) -> std::io::Result<Running> {
    let (db, identity, dir) = open(db_path, names)?;
    let fingerprint = identity.fingerprint();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let listener = runtime.block_on(TcpListener::bind(listen))?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        runtime.block_on(async move {
            tokio::select! {
                _ = serve(db, dir, identity, listener) => {}
                _ = stopped => {}
            }
        });
    });
    Ok(Running {
        addr,
        fingerprint,
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// The hub's database and identity.
pub fn open(db_path: &Path, names: &[String]) -> std::io::Result<(Arc<Db>, Identity, PathBuf)> {
    let db = Db::open(db_path).map_err(std::io::Error::other)?;
    let dir = db_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let identity = tls::load_or_make(&dir, names)?;
    Ok((Arc::new(db), identity, dir))
}

/// Serves until the task is dropped.
pub async fn serve(db: Arc<Db>, dir: PathBuf, identity: Identity, listener: TcpListener) {
    let config = match tls::server_config(&identity) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            eprintln!("hub: the certificate cannot be used: {e}");
            return;
        }
    };
    let head = hub::head(&db).unwrap_or(0);
    let (pushes, queue) = std::sync::mpsc::channel();
    let committing = db.clone();
    std::thread::spawn(move || committer(committing, queue));
    let state = Arc::new(State {
        db,
        dir,
        head: watch::channel(head).0,
        pushes,
    });
    let acceptor = TlsAcceptor::from(config);
    loop {
        let Ok((tcp, _)) = listener.accept().await else {
            continue;
        };
        // Small requests and answers: Nagle's delay (with the peer's delayed ACK) cost
        // 40 ms a round trip on the loopback.
        let _ = tcp.set_nodelay(true);
        let acceptor = acceptor.clone();
        let state = state.clone();
        tokio::spawn(async move {
            // A handshake that fails (a wrong pin, a port scan) ends here, quietly.
            let Ok(Ok(stream)) =
                tokio::time::timeout(Duration::from_secs(10), acceptor.accept(tcp)).await
            else {
                return;
            };
            let service = hyper::service::service_fn(move |req| handle(req, state.clone()));
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

type Answer = Response<Full<Bytes>>;

async fn handle(req: Request<Incoming>, state: Arc<State>) -> Result<Answer, Infallible> {
    let path = req.uri().path().strip_prefix(API).unwrap_or("").to_string();
    let out = match (req.method().clone(), path.as_str()) {
        (Method::POST, "/join") => join(req, &state).await,
        (Method::POST, "/push") => push(req, &state).await,
        (Method::GET, "/pull") => pull(req, &state).await,
        (Method::GET, "/snapshot") => snapshot(req, &state).await,
        (Method::GET, "/status") => status(req, &state).await,
        _ => Err((StatusCode::NOT_FOUND, "no such request".to_string())),
    };
    Ok(out.unwrap_or_else(|(code, message)| json(code, &wire::Refusal { error: message })))
}

type Failed = (StatusCode, String);

fn json<T: serde::Serialize>(code: StatusCode, body: &T) -> Answer {
    bytes(
        code,
        serde_json::to_vec(body).unwrap_or_default(),
        "application/json",
    )
}

fn bytes(code: StatusCode, body: Vec<u8>, kind: &str) -> Answer {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() = code;
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        kind.parse().expect("a content type"),
    );
    r
}

/// How a core error is answered: refusals are final (the laptop drops the operation),
/// the rest may go through later.
fn failed(e: Error) -> Failed {
    match e {
        Error::Refused(m) => (StatusCode::UNPROCESSABLE_ENTITY, m),
        Error::Sync(m) => (StatusCode::CONFLICT, m),
        Error::Invalid { .. } => (StatusCode::BAD_REQUEST, e.to_string()),
        other => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the hub failed: {other}"),
        ),
    }
}

fn internal(why: &str) -> Failed {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("the hub failed: {why}"),
    )
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> club_core::Result<T> + Send + 'static,
) -> Result<T, Failed> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r.map_err(failed),
        Err(e) => Err(internal(&e.to_string())),
    }
}

async fn body(req: Request<Incoming>, limit: usize) -> Result<Bytes, Failed> {
    match Limited::new(req.into_body(), limit).collect().await {
        Ok(b) => Ok(b.to_bytes()),
        Err(_) => Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request is larger than the hub takes ({limit} bytes)"),
        )),
    }
}

/// The member whose token the request carries.
async fn member(req: &Request<Incoming>, state: &State) -> Result<Member, Failed> {
    let token = req
        .headers()
        .get(hyper::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_string)
        .ok_or((
            StatusCode::UNAUTHORIZED,
            "this request carries no token".to_string(),
        ))?;
    let db = state.db.clone();
    blocking(move || team::authenticate(&db, &token))
        .await
        .map_err(|(_, m)| (StatusCode::UNAUTHORIZED, m))
}

fn query(req: &Request<Incoming>, name: &str) -> Option<i64> {
    req.uri().query()?.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == name).then(|| v.parse().ok()).flatten()
    })
}

async fn join(req: Request<Incoming>, state: &State) -> Result<Answer, Failed> {
    let raw = body(req, wire::MAX_JOIN_BYTES).await?;
    let request = wire::decode_join(&raw).map_err(failed)?;
    if request.schema != schema_version() {
        return Err(failed(Error::Sync(format!(
            "this laptop's Club Planner has schema version {}, the hub's {}: update the older one",
            request.schema,
            schema_version()
        ))));
    }
    let db = state.db.clone();
    let (member, token) = blocking(move || team::redeem(&db, &SystemClock, &request.code)).await?;
    Ok(json(
        StatusCode::OK,
        &wire::Joined {
            token,
            name: member.name,
            role: member.role,
        },
    ))
}

async fn push(req: Request<Incoming>, state: &State) -> Result<Answer, Failed> {
    let who = member(&req, state).await?;
    let raw = body(req, wire::MAX_PUSH_BYTES).await?;
    let mut p = wire::decode_push(&raw).map_err(failed)?;
    // The author is who the token says, whatever the body claims.
    p.author = who.name.clone();
    let (answer, answered) = tokio::sync::oneshot::channel();
    let queued = Queued {
        role: who.role,
        push: p,
        answer,
    };
    if state.pushes.send(queued).is_err() {
        return Err(internal("the hub is stopping"));
    }
    let accepted = answered
        .await
        .unwrap_or_else(|_| Err(internal("the hub is stopping")))?;
    if accepted.new {
        state.head.send_if_modified(|h| {
            let newer = accepted.seq > *h;
            *h = (*h).max(accepted.seq);
            newer
        });
    }
    Ok(json(
        StatusCode::OK,
        &wire::Pushed {
            seq: accepted.seq,
            new: accepted.new,
        },
    ))
}

async fn pull(req: Request<Incoming>, state: &State) -> Result<Answer, Failed> {
    member(&req, state).await?;
    let since = query(&req, "since").unwrap_or(0).max(0);
    let schema = query(&req, "schema").unwrap_or(0);
    let wait =
        Duration::from_secs(query(&req, "wait").unwrap_or(0).clamp(0, 60) as u64).min(MAX_WAIT);
    // Subscribed before reading, so a push in between is not missed.
    let mut news = state.head.subscribe();
    let read = |db: Arc<Db>| blocking(move || hub::pull(&db, schema, since, PULL_BATCH));
    let mut entries = read(state.db.clone()).await?;
    if entries.is_empty() && !wait.is_zero() {
        let deadline = tokio::time::Instant::now() + wait;
        while *news.borrow_and_update() <= since {
            if tokio::time::timeout_at(deadline, news.changed())
                .await
                .is_err()
            {
                break;
            }
        }
        entries = read(state.db.clone()).await?;
    }
    let head = *state.head.borrow();
    Ok(bytes(
        StatusCode::OK,
        wire::encode_pull(&entries, head),
        "application/json",
    ))
}

async fn snapshot(req: Request<Incoming>, state: &State) -> Result<Answer, Failed> {
    member(&req, state).await?;
    let db = state.db.clone();
    let file = state
        .dir
        .join(format!("snapshot-{}.sqlite3", club_core::ids::new_id()));
    let (seq, data) = blocking(move || {
        let seq = hub::snapshot(&db, &file);
        let data = seq.as_ref().ok().map(|_| std::fs::read(&file));
        let _ = std::fs::remove_file(&file);
        Ok((seq?, data.transpose()?.unwrap_or_default()))
    })
    .await?;
    let mut r = bytes(StatusCode::OK, data, "application/vnd.sqlite3");
    r.headers_mut()
        .insert("x-club-seq", seq.to_string().parse().expect("a number"));
    Ok(r)
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct StatusBody {
    head: i64,
    schema: i64,
    members: Vec<Member>,
}

async fn status(req: Request<Incoming>, state: &State) -> Result<Answer, Failed> {
    let who = member(&req, state).await?;
    let db = state.db.clone();
    let members = match who.role {
        Role::Admin => blocking(move || team::members(&db)).await?,
        _ => Vec::new(),
    };
    Ok(json(
        StatusCode::OK,
        &StatusBody {
            head: *state.head.borrow(),
            schema: schema_version(),
            members,
        },
    ))
}
