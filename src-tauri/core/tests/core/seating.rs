//! The seating plan as organizers use it: the rule's suggestion, a saved plan, a guest
//! moved (the others keep their seats), guests added and taken off after saving.

use club_core::people::names::PersonName;
use club_core::people::{self, PersonInput};
use club_core::planning::invitations::{self, InvitationPatch};
use club_core::planning::rsvp::{InvitationStatus, InviteeRole};
use club_core::planning::seating::{SeatingRule, TableShape};
use club_core::planning::seating_plan::{self, SeatingPlan};
use club_core::planning::sessions;
use club_core::sample::demo;
use club_core::{ApiError, Db, Lang};

use crate::common::{clock, test_db};

fn seated(plan: &SeatingPlan) -> Vec<(u32, Option<String>)> {
    plan.seats
        .iter()
        .map(|s| (s.seat.index, s.invitation_id.clone()))
        .collect()
}

fn seat_of(plan: &SeatingPlan, invitation: &str) -> u32 {
    plan.seats
        .iter()
        .find(|s| s.invitation_id.as_deref() == Some(invitation))
        .map(|s| s.seat.index)
        .unwrap_or_else(|| panic!("{invitation} has no seat"))
}

#[test]
fn until_saved_everyone_sits_by_the_rule_host_first_then_the_first_guest_on_the_right() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let list = invitations::list(&db, &eighth.id).unwrap();
    let expected: Vec<_> = list
        .invitees
        .iter()
        .filter(|i| i.status != InvitationStatus::Declined)
        .collect();
    let plan = seating_plan::get(&db, &eighth.id).unwrap();
    assert!(!plan.saved);
    assert_eq!(plan.shape, TableShape::Round);
    let n = plan.seats.len();
    assert_eq!(n, expected.len());
    // Seats are numbered in order of honour: everyone sits in the seat of their rank, the
    // host (first in precedence) at the top, the first guest on the host's right (the
    // drawing's left: the host faces the table), the second on the left.
    for (seat, guest) in plan.seats.iter().zip(&expected) {
        assert_eq!(seat.invitation_id.as_deref(), Some(guest.id.as_str()));
    }
    assert_eq!(plan.seats[0].rank, Some(1));
    let (host, right, left) = (
        &plan.seats[0].seat,
        &plan.seats[1].seat,
        &plan.seats[2].seat,
    );
    assert!(host.y < 0.0 && host.x.abs() < 1e-3, "{host:?}");
    assert!(right.x < 0.0 && left.x > 0.0, "{right:?} {left:?}");
    assert!(plan.seats.iter().all(|s| !s.name.is_empty()));
}

#[test]
fn a_moved_guest_swaps_with_whoever_sat_there_and_the_plan_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("club.sqlite3");
    let db = Db::open(&path).unwrap();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let rule = SeatingRule {
        cohost: true,
        first_on_right: true,
    };
    let plan =
        seating_plan::arrange(&db, &clock(), &eighth.id, TableShape::Rectangular, rule).unwrap();
    assert!(plan.saved);
    // The co-host (second in precedence) sits at the foot, opposite the host.
    let cohost = plan.seats.iter().find(|s| s.rank == Some(2)).unwrap();
    assert!(cohost.seat.y > 0.0 && cohost.seat.x == 0.0, "{cohost:?}");
    let before = seated(&plan);
    let mover = plan.seats.iter().find(|s| s.rank == Some(5)).unwrap();
    let target = plan.seats.iter().find(|s| s.rank == Some(3)).unwrap();
    let (mover_id, mover_seat) = (mover.invitation_id.clone().unwrap(), mover.seat.index);
    let (target_id, target_seat) = (target.invitation_id.clone().unwrap(), target.seat.index);
    let moved =
        seating_plan::move_guest(&db, &clock(), &eighth.id, &mover_id, target_seat).unwrap();
    assert_eq!(seat_of(&moved, &mover_id), target_seat);
    assert_eq!(seat_of(&moved, &target_id), mover_seat);
    for ((i, was), (_, now)) in before.iter().zip(seated(&moved)) {
        if *i != target_seat && *i != mover_seat {
            assert_eq!(was, &now, "seat {i} kept its guest");
        }
    }
    drop(db);
    let reopened = Db::open(&path).unwrap();
    let again = seating_plan::get(&reopened, &eighth.id).unwrap();
    assert_eq!(seated(&again), seated(&moved));
    assert_eq!(again.shape, TableShape::Rectangular);
    assert_eq!(again.rule, rule);
}

#[test]
fn after_saving_a_new_guest_takes_the_next_seat_and_a_removed_one_leaves_a_gap() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let plan = seating_plan::arrange(
        &db,
        &clock(),
        &eighth.id,
        TableShape::Round,
        SeatingRule::default(),
    )
    .unwrap();
    let before = seated(&plan);
    // One guest goes off the list, another declines.
    let gone = plan
        .seats
        .iter()
        .find(|s| s.rank == Some(4))
        .unwrap()
        .clone();
    let declines = plan
        .seats
        .iter()
        .find(|s| s.rank == Some(6))
        .unwrap()
        .clone();
    invitations::remove(&db, gone.invitation_id.as_deref().unwrap()).unwrap();
    invitations::update(
        &db,
        &clock(),
        declines.invitation_id.as_deref().unwrap(),
        &InvitationPatch {
            status: Some(InvitationStatus::Declined),
            ..Default::default()
        },
    )
    .unwrap();
    // A new guest is invited.
    let newcomer = people::create(
        &db,
        &clock(),
        &PersonInput {
            names: vec![PersonName {
                lang: Lang::Ru,
                family: "Новикова".into(),
                given: "Анна".into(),
                patronymic: String::new(),
                family_first: false,
            }],
            ..Default::default()
        },
    )
    .unwrap();
    invitations::invite(
        &db,
        &clock(),
        &eighth.id,
        std::slice::from_ref(&newcomer.id),
        InviteeRole::Guest,
    )
    .unwrap();
    let after = seating_plan::get(&db, &eighth.id).unwrap();
    for s in [&gone, &declines] {
        let now = &after.seats[s.seat.index as usize];
        assert!(
            now.gap && now.invitation_id.is_none(),
            "seat {} is a gap",
            s.seat.index
        );
    }
    let new_seat = after
        .seats
        .iter()
        .find(|s| s.person_id.as_deref() == Some(newcomer.id.as_str()))
        .expect("the new guest is seated");
    assert!(new_seat.new_guest);
    assert_eq!(
        new_seat.seat.index as usize,
        before.len(),
        "the new guest takes the table's next seat (the gaps stay): it grows by one"
    );
    // Everyone else kept their seat.
    for (i, who) in &before {
        if *i != gone.seat.index && *i != declines.seat.index {
            assert_eq!(&after.seats[*i as usize].invitation_id, who);
        }
    }
}

#[test]
fn a_seat_that_does_not_exist_is_refused_naming_the_field() {
    let db = test_db();
    demo::load(&db, &clock()).unwrap();
    let eighth = sessions::find_by_number(&db, &clock(), 8).unwrap();
    let plan = seating_plan::get(&db, &eighth.id).unwrap();
    let guest = plan.seats[0].invitation_id.clone().unwrap();
    let e: ApiError = seating_plan::move_guest(&db, &clock(), &eighth.id, &guest, 999)
        .unwrap_err()
        .into();
    assert_eq!(e.field.as_deref(), Some("seatIndex"));
    assert!(
        !seating_plan::get(&db, &eighth.id).unwrap().saved,
        "nothing written"
    );
}
