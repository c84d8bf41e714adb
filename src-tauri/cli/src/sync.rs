//! Sync from the command line (docs/SYNC.md): running a hub (`hub …`, with --db naming
//! the hub's database), joining one and syncing a laptop (`team join`, `sync`), and the
//! conflict register (`conflicts`).

use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context};
use clap::{Args, Subcommand, ValueEnum};
use club_core::sync::conflicts::{self, Resolution};
use club_core::sync::{client as local, hub, team, wire, Role};
use club_core::{Clock, Db};
use club_hub::{client, server};
use serde_json::json;

use crate::output::Output;
use crate::Ctl;

#[derive(Subcommand)]
pub enum HubCommand {
    /// Start a hub in a new database file (--db) from a laptop's data; the laptop then
    /// joins like any other, into a new file
    Init {
        /// The laptop's database whose data becomes the team's
        #[arg(long, value_name = "PATH")]
        from: std::path::PathBuf,
        /// Host names or addresses the hub is reached by (written into its certificate)
        #[arg(long = "name", value_name = "HOST")]
        names: Vec<String>,
    },
    /// Serve the hub over HTTPS until stopped (its certificate is made beside the database
    /// on the first start; its fingerprint is printed and goes into every join code)
    Serve {
        /// Address and port to listen on
        #[arg(long, default_value = "0.0.0.0:8443")]
        listen: String,
        /// Host names or addresses the hub is reached by (written into its certificate)
        #[arg(long = "name", value_name = "HOST")]
        names: Vec<String>,
    },
    /// A one-time join code for an organizer (valid for --days)
    Invite {
        name: String,
        #[arg(long, value_enum, default_value = "organizer")]
        role: RoleArg,
        #[arg(long, default_value_t = 7)]
        days: i64,
    },
    /// Revoke an organizer's access
    Revoke { name: String },
    /// The team: members, roles, revoked ones
    Members,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Door,
    Organizer,
    Admin,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Door => Role::Door,
            RoleArg::Organizer => Role::Organizer,
            RoleArg::Admin => Role::Admin,
        }
    }
}

#[derive(Subcommand)]
pub enum TeamCommand {
    /// Join a hub with the code its administrator gave you: its data is downloaded into a
    /// new database file (--db), which then syncs
    Join {
        /// The hub's address, https://host:port
        address: String,
        /// The join code (`clubctl hub invite` printed it)
        code: String,
    },
    /// This laptop's membership and sync state
    Status,
}

#[derive(Args)]
pub struct SyncArgs {
    /// Keep syncing: each round waits on the hub for news (Ctrl+C stops)
    #[arg(long)]
    watch: bool,
    /// Seconds a round waits on the hub for news before it ends
    #[arg(long, default_value_t = 0)]
    wait: u64,
}

#[derive(Subcommand)]
pub enum ConflictsCommand {
    /// The register (open entries; --all with the resolved ones)
    List {
        #[arg(long)]
        all: bool,
    },
    /// Resolve an entry: keep the version that stands, or take the other one
    Resolve {
        id: String,
        #[arg(
            long,
            conflicts_with = "take_other",
            required_unless_present = "take_other"
        )]
        keep: bool,
        #[arg(long)]
        take_other: bool,
    },
}

/// `hub init` and `team join` make their database file: they run before any is opened.
/// The hub's certificate is made here too, so every join code names the same one.
pub fn init_hub(path: &Path, from: &Path, names: &[String], out: &Output) -> anyhow::Result<()> {
    // Db::open would make a new, empty database where the laptop's file was mistyped.
    if !from.is_file() {
        bail!("{}: no such laptop database", from.display());
    }
    let laptop = Db::open(from).with_context(|| format!("cannot open {}", from.display()))?;
    hub::found(&laptop, path)?;
    let identity = club_hub::tls::load_or_make(hub_dir(path), names)?;
    out.message(
        json!({ "hub": path, "fingerprint": identity.fingerprint() }),
        &format!(
            "The hub's database is {} (certificate SHA-256 {}).\n\
             Next: clubctl --db {} hub serve, then hub invite NAME.",
            path.display(),
            identity.fingerprint(),
            path.display()
        ),
    )
}

fn hub_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

pub fn join(
    path: &Path,
    clock: &dyn Clock,
    address: &str,
    code: &str,
    out: &Output,
) -> anyhow::Result<()> {
    let db = client::join(path, clock, address, code)?;
    let me = local::status(&db)?
        .member
        .context("joined, yet no membership")?;
    out.message(
        json!({ "db": path, "author": me.author, "seq": me.last_seq }),
        &format!(
            "Joined as {} — the team's data is in {} (up to change {}).",
            me.author,
            path.display(),
            me.last_seq
        ),
    )
}

pub fn serve(path: &Path, listen: &str, names: &[String]) -> anyhow::Result<()> {
    let (db, identity, dir) = server::open(path, names)?;
    let runtime = tokio_runtime()?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(listen))
        .with_context(|| format!("cannot listen on {listen}"))?;
    eprintln!(
        "hub: serving {} on https://{} — certificate SHA-256 {}",
        path.display(),
        listener.local_addr()?,
        identity.fingerprint()
    );
    runtime.block_on(server::serve(db, dir, identity, listener));
    Ok(())
}

fn tokio_runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?)
}

pub fn hub_command(ctl: Ctl, path: &Path, cmd: HubCommand) -> anyhow::Result<()> {
    match cmd {
        HubCommand::Init { .. } | HubCommand::Serve { .. } => {
            unreachable!("handled before the database is opened")
        }
        HubCommand::Invite { name, role, days } => {
            let secret = team::invite(ctl.db, ctl.clock, &name, role.into(), days)?;
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let identity = club_hub::tls::load_or_make(dir, &[])?;
            let code = wire::join_code(&secret, &identity.fingerprint());
            ctl.out.message(
                json!({ "name": name, "code": code }),
                &format!("Join code for {name} (once, within {days} days):\n{code}"),
            )
        }
        HubCommand::Revoke { name } => {
            let n = team::revoke(ctl.db, ctl.clock, &name)?;
            if n == 0 {
                bail!("no member called {name} has access");
            }
            ctl.out
                .message(json!({ "revoked": n }), &format!("{name}: access revoked."))
        }
        HubCommand::Members => {
            let members = team::members(ctl.db)?;
            ctl.out.data(&members, || {
                members
                    .iter()
                    .map(|m| {
                        format!(
                            "{}\t{}\t{}{}",
                            m.name,
                            m.role.code(),
                            m.created_at,
                            m.revoked_at
                                .as_deref()
                                .map(|r| format!("\trevoked {r}"))
                                .unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
    }
}

pub fn team_status(ctl: Ctl) -> anyhow::Result<()> {
    let s = local::status(ctl.db)?;
    let Some(me) = &s.member else {
        return ctl.out.message(
            json!({ "member": false }),
            "This database is not in a team.",
        );
    };
    ctl.out.message(
        json!({
            "member": true, "author": me.author, "hub": me.hub_url, "seq": me.last_seq,
            "waiting": s.waiting, "conflicts": s.open_conflicts,
            "syncedAt": s.synced_at, "lastError": s.last_error,
        }),
        &format!(
            "{} · hub {} · up to change {} · {} waiting · {} open conflicts · last sync {}{}",
            me.author,
            me.hub_url.as_deref().unwrap_or("—"),
            me.last_seq,
            s.waiting,
            s.open_conflicts,
            s.synced_at.as_deref().unwrap_or("never"),
            s.last_error
                .as_deref()
                .map(|e| format!("\n{e}"))
                .unwrap_or_default()
        ),
    )
}

pub fn sync(ctl: Ctl, a: SyncArgs) -> anyhow::Result<()> {
    loop {
        let wait = Duration::from_secs(if a.watch { a.wait.max(25) } else { a.wait });
        match client::sync_once(ctl.db, ctl.clock, wait) {
            Ok(r) => ctl.out.message(
                json!({ "pushed": r.pushed, "refused": r.refused, "received": r.received.applied,
                        "waiting": r.received.waiting }),
                &format!(
                    "pushed {}, refused {}, received {}, waiting {}",
                    r.pushed, r.refused, r.received.applied, r.received.waiting
                ),
            )?,
            Err(e) if a.watch => {
                eprintln!("sync: {e}; trying again in 5 s");
                std::thread::sleep(Duration::from_secs(5));
            }
            Err(e) => return Err(e.into()),
        }
        if !a.watch {
            return Ok(());
        }
    }
}

pub fn conflicts_command(ctl: Ctl, cmd: ConflictsCommand) -> anyhow::Result<()> {
    match cmd {
        ConflictsCommand::List { all } => {
            let list = conflicts::list(ctl.db, all)?;
            ctl.out.data(&list, || {
                list.iter()
                    .map(|c| {
                        format!(
                            "{}\t{}\t{}.{}\tkept {} ({})\tproposed {} ({}){}",
                            c.id,
                            c.kind,
                            c.table,
                            c.column.as_deref().unwrap_or("*"),
                            c.kept,
                            c.kept_author.as_deref().unwrap_or("?"),
                            c.proposed,
                            c.proposed_author,
                            c.resolution
                                .as_deref()
                                .map(|r| format!("\tresolved: {r}"))
                                .unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        ConflictsCommand::Resolve { id, keep, .. } => {
            let choice = if keep {
                Resolution::Kept
            } else {
                Resolution::Proposed
            };
            conflicts::resolve(ctl.db, ctl.clock, &id, choice)?;
            ctl.out.message(
                json!({ "resolved": id }),
                "Resolved; it syncs like any change.",
            )
        }
    }
}
