//! `clubctl demo`: the demonstration data (club-core's `sample`).

use club_core::sample::demo;

use crate::Ctl;

/// Loads the demonstration data, or removes it.
pub fn demo(ctl: Ctl, remove: bool) -> anyhow::Result<()> {
    let Ctl { db, clock, out, .. } = ctl;
    if remove {
        demo::remove(db)?;
        return out.message(serde_json::json!({ "removed": true }), "demo data removed");
    }
    let loaded = demo::load(db, clock)?;
    out.message(
        serde_json::json!({ "loaded": loaded }),
        if loaded {
            "demo data loaded"
        } else {
            "demo data is already there"
        },
    )
}
