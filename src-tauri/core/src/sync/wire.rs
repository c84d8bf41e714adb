//! What travels between a laptop and the hub, as JSON (changesets in base64): the bodies
//! of the hub's HTTP API (docs/SYNC.md, "Protocol"). Decoding is strict and bounded — an
//! unknown field, a wrong type or a bad base64 is refused with the place named — and is
//! fuzzed (src-tauri/core/fuzz, target `hub_request`).

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::{Entry, Push, Role};
use crate::error::{Error, Result};

/// The largest push body the hub reads (a big import in one transaction fits).
pub const MAX_PUSH_BYTES: usize = 32 * 1024 * 1024;
/// The largest join body.
pub const MAX_JOIN_BYTES: usize = 4 * 1024;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PushBody {
    schema: i64,
    op_id: String,
    origin: String,
    author: String,
    base_seq: i64,
    made_at: String,
    changeset: String,
}

pub fn encode_push(p: &Push) -> Vec<u8> {
    serde_json::to_vec(&PushBody {
        schema: p.schema,
        op_id: p.op_id.clone(),
        origin: p.origin.clone(),
        author: p.author.clone(),
        base_seq: p.base_seq,
        made_at: p.made_at.clone(),
        changeset: B64.encode(&p.changeset),
    })
    .expect("a push encodes")
}

pub fn decode_push(body: &[u8]) -> Result<Push> {
    if body.len() > MAX_PUSH_BYTES {
        return Err(bad("push", "the body is larger than the hub takes"));
    }
    let b: PushBody = serde_json::from_slice(body).map_err(|e| bad("push", &e.to_string()))?;
    let id = |raw: &str, field: &str| {
        uuid::Uuid::parse_str(raw).map_err(|_| bad("push", &format!("{field} is not an id")))
    };
    id(&b.op_id, "opId")?;
    id(&b.origin, "origin")?;
    if b.base_seq < 0 {
        return Err(bad("push", "baseSeq is negative"));
    }
    if b.author.chars().count() > 200 || b.made_at.len() > 40 {
        return Err(bad("push", "author or madeAt is too long"));
    }
    let changeset = B64
        .decode(b.changeset.as_bytes())
        .map_err(|_| bad("push", "changeset is not base64"))?;
    Ok(Push {
        schema: b.schema,
        op_id: b.op_id,
        origin: b.origin,
        author: b.author,
        base_seq: b.base_seq,
        made_at: b.made_at,
        changeset,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pushed {
    pub seq: i64,
    pub new: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct EntryBody {
    seq: i64,
    op_id: String,
    origin: String,
    author: String,
    made_at: String,
    effect: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PullBody {
    entries: Vec<EntryBody>,
    head: i64,
}

/// The log entries after a laptop's sequence, and the hub's newest.
pub fn encode_pull(entries: &[Entry], head: i64) -> Vec<u8> {
    serde_json::to_vec(&PullBody {
        entries: entries
            .iter()
            .map(|e| EntryBody {
                seq: e.seq,
                op_id: e.op_id.clone(),
                origin: e.origin.clone(),
                author: e.author.clone(),
                made_at: e.made_at.clone(),
                effect: B64.encode(&e.effect),
            })
            .collect(),
        head,
    })
    .expect("a pull encodes")
}

pub fn decode_pull(body: &[u8]) -> Result<(Vec<Entry>, i64)> {
    let b: PullBody = serde_json::from_slice(body).map_err(|e| bad("pull", &e.to_string()))?;
    let entries = b
        .entries
        .into_iter()
        .map(|e| {
            Ok(Entry {
                seq: e.seq,
                op_id: e.op_id,
                origin: e.origin,
                author: e.author,
                made_at: e.made_at,
                effect: B64
                    .decode(e.effect.as_bytes())
                    .map_err(|_| bad("pull", "effect is not base64"))?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((entries, b.head))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JoinRequest {
    pub code: String,
    pub schema: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Joined {
    pub token: String,
    pub name: String,
    pub role: Role,
}

pub fn decode_join(body: &[u8]) -> Result<JoinRequest> {
    if body.len() > MAX_JOIN_BYTES {
        return Err(bad("join", "the body is larger than the hub takes"));
    }
    serde_json::from_slice(body).map_err(|e| bad("join", &e.to_string()))
}

/// The hub's answer when it refuses: the reason, said for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    pub error: String,
}

fn bad(what: &str, why: &str) -> Error {
    Error::Refused(format!("the hub cannot read this {what} request: {why}"))
}

/// A join code as handed out: the one-time secret and the fingerprint (SHA-256 of the
/// hub's certificate) the laptop pins, in one string a person can paste.
pub fn join_code(secret_hex: &str, fingerprint_hex: &str) -> String {
    format!("{secret_hex}-{fingerprint_hex}")
}

/// The secret and the pinned fingerprint from a pasted join code.
pub fn split_join_code(code: &str) -> Result<(String, String)> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let hexes = |s: &str| s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit());
    match code.split_once('-') {
        Some((secret, fp)) if hexes(secret) && hexes(fp) => {
            Ok((secret.to_ascii_lowercase(), fp.to_ascii_lowercase()))
        }
        _ => Err(Error::Sync(
            "this is not a join code: it is two groups of 64 letters and digits joined by a dash"
                .into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn push() -> Push {
        Push {
            schema: 4,
            op_id: "019a0000-0000-7000-8000-000000000001".into(),
            origin: "019a0000-0000-7000-8000-000000000002".into(),
            author: "Айгерим".into(),
            base_seq: 3,
            made_at: "2026-12-01T08:00:00Z".into(),
            changeset: vec![0, 1, 2, 255],
        }
    }

    #[test]
    fn a_push_round_trips_and_a_bad_one_names_what_is_wrong() {
        assert_eq!(decode_push(&encode_push(&push())).unwrap(), push());
        let body = String::from_utf8(encode_push(&push())).unwrap();
        for (broken, says) in [
            (
                body.replace("\"schema\":4", "\"schema\":\"4\""),
                "column 13",
            ),
            (
                body.replace("019a0000-0000-7000-8000-000000000001", "x"),
                "opId",
            ),
            (body.replace("}", ",\"extra\":1}"), "extra"),
            (body.replace("AAEC/w==", "@@@"), "base64"),
            (body[..body.len() / 2].to_string(), "EOF"),
        ] {
            let e = decode_push(broken.as_bytes()).unwrap_err().to_string();
            assert!(e.contains(says), "{broken}: {e}");
        }
    }

    #[test]
    fn a_join_code_carries_the_fingerprint() {
        let s = "a".repeat(64);
        let f = "B".repeat(64);
        let code = join_code(&s, &f);
        assert_eq!(
            split_join_code(&format!(" {code}\n")).unwrap(),
            (s, "b".repeat(64))
        );
        assert!(split_join_code("12345").is_err());
    }
}
