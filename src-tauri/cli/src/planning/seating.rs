//! `clubctl seating`: a session's seating plan — shown, arranged afresh by the protocol
//! rule, a guest moved to another seat (club-core's `planning::seating_plan`).

use clap::Args;
use club_core::planning::invitations;
use club_core::planning::seating::{SeatingRule, TableShape};
use club_core::planning::seating_plan::{self, SeatingPlan};
use club_core::Lang;

use crate::planning::invitations::invitee;
use crate::planning::sessions::resolve;
use crate::Ctl;

#[derive(Args)]
pub struct SeatingArgs {
    /// Session id or number
    session: String,
    /// Seat everyone afresh by the rule at a table of this shape:
    /// round | rectangular | u_shape | rows
    #[arg(long)]
    arrange: Option<String>,
    /// With --arrange: the second in precedence co-hosts (opposite the host)
    #[arg(long, requires = "arrange")]
    cohost: bool,
    /// With --arrange: the first guest on the host's left instead of the right
    #[arg(long, requires = "arrange")]
    first_left: bool,
    /// Move this guest (a few letters of the name, or an id) …
    #[arg(long = "move", requires = "to")]
    guest: Option<String>,
    /// … to this seat (numbered from 1, in order of honour); whoever sat there swaps
    #[arg(long)]
    to: Option<u32>,
}

pub fn seating(ctl: Ctl, a: SeatingArgs) -> anyhow::Result<()> {
    let Ctl {
        db,
        clock,
        out,
        lang,
    } = ctl;
    let s = resolve(db, clock, &a.session)?;
    let mut plan = seating_plan::get(db, &s.id)?;
    if let Some(shape) = &a.arrange {
        let rule = SeatingRule {
            cohost: a.cohost,
            first_on_right: !a.first_left,
        };
        plan = seating_plan::arrange(db, clock, &s.id, TableShape::parse(shape, "shape")?, rule)?;
    }
    if let (Some(guest), Some(to)) = (&a.guest, a.to) {
        let list = invitations::list(db, &s.id)?;
        let i = invitee(&list, db, guest)?;
        if to == 0 {
            anyhow::bail!("--to {to}: seats are numbered from 1");
        }
        plan = seating_plan::move_guest(db, clock, &s.id, &i.id, to - 1)?;
    }
    out.data(&plan, || text(&plan, lang))
}

fn text(plan: &SeatingPlan, lang: Lang) -> String {
    let mut lines = vec![format!(
        "{} table, {} seats{}",
        plan.shape.code(),
        plan.seats.len(),
        if plan.saved {
            ""
        } else {
            " (suggested by the rule, not saved)"
        }
    )];
    for seat in &plan.seats {
        let who = if seat.gap {
            "— (guest taken off the list)".to_string()
        } else if seat.invitation_id.is_none() {
            "—".to_string()
        } else {
            seat.name.best(lang).to_string()
        };
        let new = if seat.new_guest { "  (new)" } else { "" };
        lines.push(format!("{:>3}. {who}{new}", seat.seat.index + 1));
    }
    lines.join("\n")
}
