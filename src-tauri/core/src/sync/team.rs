//! The team as the hub knows it: members with a role and a revocable token, and the
//! one-time join codes an administrator hands out (`clubctl hub invite`). Only hashes of
//! tokens and codes are stored: a copy of the hub's database lets nobody in.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Role;
use crate::clock::{stamp, Clock};
use crate::error::{Error, Result};
use crate::ids::new_id;
use crate::Db;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

/// 256 bits from the system's randomness, as hex: three UUID v4 (122 random bits each,
/// from the operating system) hashed together.
pub fn secret() -> String {
    let parts = [(); 3].map(|_| uuid::Uuid::new_v4().into_bytes());
    hex(&Sha256::digest(parts.concat()))
}

pub fn hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.trim().as_bytes()))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A one-time code for `name` to join with `role`, valid for `days`. Returns the code.
pub fn invite(hub: &Db, clock: &dyn Clock, name: &str, role: Role, days: i64) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("name", crate::InvalidReason::Required));
    }
    let code = secret();
    let expires = clock.now() + chrono::Duration::days(days.clamp(1, 90));
    hub.write_unrecorded(|tx| {
        tx.execute(
            "INSERT INTO hub_invite (code_hash, name, role, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                hash(&code),
                name,
                role.code(),
                stamp(clock),
                expires.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ],
        )?;
        Ok(())
    })?;
    Ok(code)
}

/// Exchanges a join code (once, before it expires) for a member and their token.
pub fn redeem(hub: &Db, clock: &dyn Clock, code: &str) -> Result<(Member, String)> {
    let token = secret();
    let now = stamp(clock);
    let member = hub.write_unrecorded(|tx| {
        let invite: Option<(String, String, String, Option<String>)> = tx
            .query_row(
                "SELECT name, role, expires_at, used_at FROM hub_invite WHERE code_hash = ?1",
                [hash(code)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((name, role, expires, used)) = invite else {
            return Err(Error::Sync("this join code is not known to the hub".into()));
        };
        if used.is_some() {
            return Err(Error::Sync("this join code has been used already; ask for a new one".into()));
        }
        if expires < now {
            return Err(Error::Sync("this join code has expired; ask for a new one".into()));
        }
        let id = new_id();
        tx.execute(
            "INSERT INTO hub_member (id, name, role, token_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, name, role, hash(&token), now],
        )?;
        tx.execute(
            "UPDATE hub_invite SET used_at = ?1, member_id = ?2 WHERE code_hash = ?3",
            params![now, id, hash(code)],
        )?;
        Ok(Member {
            id,
            name,
            role: Role::from_code(&role).unwrap_or(Role::Door),
            created_at: now.clone(),
            revoked_at: None,
        })
    })?;
    Ok((member, token))
}

/// The member holding `token`, unless it is unknown or revoked.
pub fn authenticate(hub: &Db, token: &str) -> Result<Member> {
    let found = hub.read(|c| {
        Ok(c.query_row(
            "SELECT id, name, role, created_at, revoked_at FROM hub_member WHERE token_hash = ?1",
            [hash(token)],
            member,
        )
        .optional()?)
    })?;
    match found {
        Some(m) if m.revoked_at.is_none() => Ok(m),
        Some(_) => Err(Error::Sync(
            "this organizer's access has been revoked".into(),
        )),
        None => Err(Error::Sync("the hub does not know this token".into())),
    }
}

/// Revokes every member called `name`; returns how many.
pub fn revoke(hub: &Db, clock: &dyn Clock, name: &str) -> Result<usize> {
    hub.write_unrecorded(|tx| {
        Ok(tx.execute(
            "UPDATE hub_member SET revoked_at = ?1 WHERE name = ?2 AND revoked_at IS NULL",
            params![stamp(clock), name.trim()],
        )?)
    })
}

pub fn members(hub: &Db) -> Result<Vec<Member>> {
    hub.read(|c| {
        let mut stmt = c.prepare(
            "SELECT id, name, role, created_at, revoked_at FROM hub_member ORDER BY created_at, name",
        )?;
        let rows = stmt.query_map([], member)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })
}

fn member(r: &rusqlite::Row<'_>) -> rusqlite::Result<Member> {
    Ok(Member {
        id: r.get(0)?,
        name: r.get(1)?,
        role: Role::from_code(&r.get::<_, String>(2)?).unwrap_or(Role::Door),
        created_at: r.get(3)?,
        revoked_at: r.get(4)?,
    })
}
