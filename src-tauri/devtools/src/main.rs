//! club-dev: Club Planner's developer tools, never shipped with the app — the benchmark
//! (`bench`, docs/PERFORMANCE.md, run by scripts/bench) and the crash-safety harness
//! (`crash-test`, run by scripts/test).

mod bench;
mod crash;
mod sync_crash;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "club-dev",
    version,
    about = "Club Planner's developer tools: the benchmark and the crash-safety harness",
    after_help = "Exit status: 0 ok, 1 failure, 2 bad usage, 3 not found, 4 invalid input, 5 conflict."
)]
struct Cli {
    /// Print the report as JSON
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Prove crash safety: start writers, SIGKILL them at random moments, check that
    /// every acknowledged write survived whole and the database is sound
    CrashTest(crash::CrashTestArgs),
    /// (used by crash-test) write to DB until killed, acknowledging each write in ACK
    #[command(hide = true)]
    CrashWriter {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        ack: PathBuf,
    },
    /// Prove sync's crash safety: a hub and two laptops as processes, SIGKILLed at random
    /// moments during pushes and pulls; nothing acknowledged lost, nothing twice, all equal
    SyncCrashTest(sync_crash::SyncCrashArgs),
    /// (used by sync-crash-test) serve a hub until killed
    #[command(hide = true)]
    SyncHub {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        listen: String,
    },
    /// (used by sync-crash-test) add people and sync until killed
    #[command(hide = true)]
    SyncLaptop {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        ack: PathBuf,
        #[arg(long)]
        name: String,
    },
    /// Benchmarks: generate a many-year archive, measure the app over it
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::CrashTest(a) => crash::test(&a, cli.json),
        Command::CrashWriter { db, ack } => crash::writer(&db, &ack),
        Command::SyncCrashTest(a) => sync_crash::test(&a, cli.json),
        Command::SyncHub { db, listen } => sync_crash::hub_process(&db, &listen),
        Command::SyncLaptop { db, ack, name } => sync_crash::laptop_process(&db, &ack, &name),
        Command::Bench(cmd) => bench::run(cmd, cli.json),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(exit_code(&e))
        }
    }
}

/// clubctl's exit statuses, so that scripts read both tools the same way.
fn exit_code(e: &anyhow::Error) -> u8 {
    use club_core::ErrorCode::*;
    match e.downcast_ref::<club_core::Error>().map(|e| e.code()) {
        Some(NotFound) => 3,
        Some(Invalid) => 4,
        Some(Conflict) => 5,
        _ => 1,
    }
}

/// Prints a report: `value` as JSON with `--json`, else the sentence `human`. A closed
/// pipe (`club-dev … | head`) ends the output quietly.
fn report(json: bool, value: &impl serde::Serialize, human: &str) -> anyhow::Result<()> {
    let text = if json {
        serde_json::to_string_pretty(value)?
    } else {
        human.to_string()
    };
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
