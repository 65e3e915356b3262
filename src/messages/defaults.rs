//! The templates Regulars ships: warm, short and personal, never salesy. Every
//! value that a customer may lack sits in an optional clause.

use super::{Occasion, Template};

const SIGNATURE: &str = "[[{owner_name}|{business_name}]]";

/// The shipped template for an occasion.
pub fn default_template(occasion: Occasion) -> Template {
    let (subject, body) = match occasion {
        Occasion::Birthday => (
            "Happy birthday, {first_name}!",
            "Dear {first_name},\n\n[[Happy {age_ordinal} birthday!|Happy birthday!]] \
             I hope your day is full of good things, and the year ahead too.\n\n\
             Warm wishes,\n",
        ),
        Occasion::Anniversary => (
            "[[{years} years today|A special day]], {first_name}",
            "Dear {first_name},\n\n\
             [[Today it is {years} years: {date_label}.|Today is a special day for you: {date_label}.|Today is a special day for you.]] \
             Congratulations, and thank you for letting us be part of it.\n\n\
             Warm wishes,\n",
        ),
        Occasion::FollowUp => (
            "Following up, {first_name}",
            "Hi {first_name},\n\n\
             I wanted to follow up on our last conversation. Is there anything I can help with?\n\n\
             Best,\n",
        ),
        Occasion::ThankYou => (
            "Thank you, {first_name}!",
            "Hi {first_name},\n\n\
             Thank you for [[your purchase of {last_purchase}|coming by]]. It means a lot to a \
             small business like ours. Enjoy!\n\n\
             Best wishes,\n",
        ),
        Occasion::Feedback => (
            "How did it go, {first_name}?",
            "Hi {first_name},\n\n\
             I’d love to hear how [[{last_purchase}|everything]] worked out for you. Is there \
             anything we could do better? Just reply to this message.\n\n\
             Thank you,\n",
        ),
        Occasion::Seasonal => (
            "Season’s greetings, {first_name}",
            "Dear {first_name},\n\n\
             Warm wishes for the season[[ from all of us at {business_name}]], and thank you \
             for a lovely year together.\n\n",
        ),
    };
    Template {
        occasion,
        subject: subject.into(),
        body: format!("{body}{SIGNATURE}"),
    }
}
