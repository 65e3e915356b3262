//! Source: follow-ups asked for when an interaction was logged. The store keeps
//! an index of open ones by due date; done or dismissed ones leave it.

use chrono::{DateTime, Utc};

use super::{ItemKind, Occurrence, ReminderKey};
use crate::clock::Clock;
use crate::model::{FollowUp, Interaction};

/// The longest label taken from a note's first line, in characters.
const LABEL_CHARS: usize = 80;
/// The longest excerpt of the note shown with the item, in characters.
const DETAIL_CHARS: usize = 280;

fn shorten(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// The note's first line without Markdown's leading marks, as a label.
pub fn label_of(text: &str) -> String {
    let line = text
        .lines()
        .map(|l| l.trim_start_matches(['#', '>', '-', '*', ' ']).trim())
        .find(|l| !l.is_empty())
        .unwrap_or("Follow up");
    // Emphasis marks read as noise in a one-line label (the note keeps them).
    let plain: String = line.chars().filter(|c| !matches!(c, '*' | '`')).collect();
    shorten(&plain, LABEL_CHARS)
}

/// The occurrence of an interaction's follow-up (`None` if it asked for none).
pub fn occurrence(interaction: &Interaction) -> Option<Occurrence> {
    let f = interaction.follow_up?;
    Some(Occurrence {
        key: ReminderKey::FollowUp {
            customer: interaction.customer_id,
            interaction: interaction.id,
        },
        kind: ItemKind::FollowUp,
        customer_id: interaction.customer_id,
        date: f.date,
        age: None,
        years: None,
        label: label_of(&interaction.text),
        time: f.time.map(|t| t.format("%H:%M").to_string()),
        detail: Some(shorten(interaction.text.trim(), DETAIL_CHARS)),
    })
}

/// The instant a timed follow-up falls due in the owner's zone (a time skipped
/// or repeated by a DST change: see [`Clock::local_moment`]).
pub fn due_at(f: &FollowUp, clock: &dyn Clock) -> Option<DateTime<Utc>> {
    Some(clock.local_moment(f.date.and_time(f.time?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_is_the_first_real_line() {
        assert_eq!(label_of("\n## Call back\nabout the cake"), "Call back");
        assert_eq!(label_of("Bring the **cake** `now`"), "Bring the cake now");
        assert_eq!(label_of("- [ ] send quote"), "[ ] send quote");
        assert_eq!(label_of("   "), "Follow up");
        assert_eq!(label_of(&"x".repeat(100)).chars().count(), 81);
    }
}
