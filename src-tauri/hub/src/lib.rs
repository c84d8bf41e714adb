//! club-hub: Club Planner's sync over the network (docs/SYNC.md). The hub's HTTPS server
//! (`server`) is the same club-core run headless — `clubctl hub serve` — and laptops reach
//! it through `client`. All the rules (what merges, what conflicts, who may write what)
//! are club-core's `sync`; here is only the transport: TLS with a pinned certificate,
//! tokens, size limits, and a long poll so a change reaches the others in about a second.

pub mod client;
pub mod server;
pub mod tls;

/// The API's version prefix; a hub answers only its own.
pub const API: &str = "/v1";
