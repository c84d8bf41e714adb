//! Finding a guest at the door: the check-in search over a session's invitee list, by a
//! few letters of the name in any script or of the organisation.

use crate::planning::invitations::{Invitee, InviteeList};
use crate::text::{fold, Text};

/// Invitees whose name in any script (or organisation) contains `query`: check-in search.
pub fn find<'a>(list: &'a InviteeList, query: &str) -> Vec<&'a Invitee> {
    let needle = fold(query.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let hit = |t: &Text| t.0.values().any(|v| fold(v).contains(&needle));
    list.invitees
        .iter()
        .filter(|i| {
            hit(&i.person.display_name)
                || i.person
                    .names
                    .iter()
                    .any(|n| n.sort_key().contains(&needle))
                || hit(&i.person.organisation)
        })
        .collect()
}
