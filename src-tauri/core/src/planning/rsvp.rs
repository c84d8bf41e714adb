//! What an invitation says, in the codes stored for it: the invitee's role, the answer
//! (RSVP), the channel it went out through and came back by, attendance on the day, and a
//! list's counts of them. Owns no table.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum InviteeRole {
        Guest = "guest",
        Speaker = "speaker",
        Moderator = "moderator",
        Organizer = "organizer",
        Press = "press",
        Observer = "observer",
    }
    invalid = BadStatus;
}

code_enum! {
    /// The answer to the invitation.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum InvitationStatus {
        ToInvite = "to_invite",
        Invited = "invited",
        Confirmed = "confirmed",
        Tentative = "tentative",
        Declined = "declined",
        Deputy = "deputy",
        NoReply = "no_reply",
    }
    invalid = BadStatus;
}

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum Channel {
        Email = "email",
        Letter = "letter",
        Phone = "phone",
        Wechat = "wechat",
        InPerson = "in_person",
    }
    invalid = BadStatus;
}

code_enum! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    #[ts(export)]
    pub enum AttendanceStatus {
        Present = "present",
        Absent = "absent",
        Excused = "excused",
        Late = "late",
        LeftEarly = "left_early",
    }
    invalid = BadStatus;
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Counts {
    pub total: u32,
    pub to_invite: u32,
    pub invited: u32,
    pub confirmed: u32,
    pub tentative: u32,
    pub declined: u32,
    pub deputy: u32,
    pub no_reply: u32,
    /// Present, late or left early.
    pub attended: u32,
    pub absent: u32,
    pub excused: u32,
}

impl Counts {
    /// Counts one invitee: the answer, and attendance once the session is held.
    pub(crate) fn add(&mut self, status: InvitationStatus, attendance: Option<AttendanceStatus>) {
        self.total += 1;
        match status {
            InvitationStatus::ToInvite => self.to_invite += 1,
            InvitationStatus::Invited => self.invited += 1,
            InvitationStatus::Confirmed => self.confirmed += 1,
            InvitationStatus::Tentative => self.tentative += 1,
            InvitationStatus::Declined => self.declined += 1,
            InvitationStatus::Deputy => self.deputy += 1,
            InvitationStatus::NoReply => self.no_reply += 1,
        }
        match attendance {
            Some(
                AttendanceStatus::Present | AttendanceStatus::Late | AttendanceStatus::LeftEarly,
            ) => self.attended += 1,
            Some(AttendanceStatus::Absent) => self.absent += 1,
            Some(AttendanceStatus::Excused) => self.excused += 1,
            None => {}
        }
    }
}
