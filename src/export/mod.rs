//! Taking records out in open formats: each exporter is a pure function from
//! the core's types to text (vCard, CSV, iCalendar), written for what other
//! programs (Google, Apple, Outlook, calendar apps, spreadsheets) accept.

pub mod csv;
pub mod ics;
pub mod vcard;
