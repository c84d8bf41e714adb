//! One guest's message: From the organizer, To the guest, subject and text from the
//! template in the guest's language, the letter (PDF) and the session (ICS) attached.
//!
//! Nothing typed by anyone can make a header: names, positions and template text lose
//! their line breaks and control characters before they reach a header, and lettre
//! encodes what is not ASCII (RFC 2047), so a name such as "Wang\r\nBcc: x@y" stays a name.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Address, Message};

use super::{fill, MailTemplate};
use crate::error::{Error, InvalidReason, Result};
use crate::text::Lang;

/// What the template's fields stand for in one guest's message.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub honorific: String,
    pub name: String,
    pub salutation: String,
    pub ordinal: String,
    pub title: String,
    pub date: String,
    pub time: String,
    pub venue: String,
    pub reply_by: String,
    pub club: String,
}

impl Values {
    fn get(&self, field: &str) -> String {
        match field {
            "honorific" => &self.honorific,
            "name" => &self.name,
            "salutation" => &self.salutation,
            "ordinal" => &self.ordinal,
            "title" => &self.title,
            "date" => &self.date,
            "time" => &self.time,
            "venue" => &self.venue,
            "reply_by" => &self.reply_by,
            "club" => &self.club,
            _ => "",
        }
        .to_string()
    }
}

/// What goes into one message besides the text.
pub struct Parts<'a> {
    pub from: &'a str,
    pub from_name: &'a str,
    pub to: &'a str,
    pub to_name: &'a str,
    pub lang: Lang,
    /// The letter as PDF, and its file name.
    pub letter: Option<(String, Vec<u8>)>,
    /// The session as a calendar event.
    pub ics: Option<Vec<u8>>,
    /// The Message-ID to give it (kept in the log).
    pub message_id: String,
}

/// One line: control characters (line breaks among them) become spaces.
pub fn one_line(s: &str) -> String {
    let line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An address as written, checked: "not an address" names the place it came from.
pub fn address(raw: &str, field: &str) -> Result<Address> {
    raw.trim()
        .parse::<Address>()
        .map_err(|_| Error::invalid(field, InvalidReason::BadEmail))
}

/// The message's text: the template's body with the fields filled.
pub fn text(t: &MailTemplate, values: &Values) -> String {
    fill(&t.body, |f| values.get(f)).replace("\r\n", "\n")
}

pub fn build(t: &MailTemplate, values: &Values, p: &Parts<'_>) -> Result<Message> {
    let subject = one_line(&fill(&t.subject, |f| values.get(f)));
    let body = text(t, values);
    let from = Mailbox::new(Some(one_line(p.from_name)), address(p.from, "from")?);
    let to = Mailbox::new(Some(one_line(p.to_name)), address(p.to, "email")?);
    let mut mixed = MultiPart::mixed().singlepart(SinglePart::plain(body));
    if let Some((name, pdf)) = &p.letter {
        let pdf_type = ContentType::parse("application/pdf").expect("a MIME type");
        mixed = mixed.singlepart(Attachment::new(one_line(name)).body(pdf.clone(), pdf_type));
    }
    if let Some(ics) = &p.ics {
        let ics_type = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
            .expect("a MIME type");
        mixed = mixed.singlepart(Attachment::new("session.ics".into()).body(ics.clone(), ics_type));
    }
    Message::builder()
        .from(from)
        .to(to)
        .subject(subject)
        .message_id(Some(p.message_id.clone()))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Content-Language"),
            p.lang.code().to_string(),
        ))
        .multipart(mixed)
        .map_err(|e| {
            Error::Io(std::io::Error::other(format!(
                "the message cannot be made: {e}"
            )))
        })
}
