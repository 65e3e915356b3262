//! Template text: literal words, `{placeholders}`, and optional clauses
//! `[[with {age_ordinal}|without]]` whose first alternative with every value
//! present is used, so a missing value never leaves a hole ("Happy th birthday").

use std::collections::HashMap;

/// Every placeholder a template may use.
pub const PLACEHOLDERS: &[&str] = &[
    "first_name",
    "name",
    "age",
    "age_ordinal",
    "years",
    "years_ordinal",
    "date_label",
    "last_purchase",
    "business_name",
    "owner_name",
];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Value(String),
    /// Alternatives, each a sequence of text and values; the empty alternative
    /// is implied after a single one (`[[ … ]]` may vanish entirely).
    Choice(Vec<Vec<Part>>),
}

/// Why a template's text cannot be used; `at` is the character position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("{{{name}}} is not a placeholder (use one of: {})", PLACEHOLDERS.join(", "))]
    UnknownPlaceholder { name: String },
    #[error("a “{{” at character {at} is not closed with “}}”")]
    UnclosedPlaceholder { at: usize },
    #[error("a “[[” at character {at} is not closed with “]]”")]
    UnclosedClause { at: usize },
    #[error("optional clauses cannot be nested (character {at})")]
    NestedClause { at: usize },
    #[error("{{{name}}} has no value for this customer; put it in an optional clause like [[… {{{name}}} …|…]]")]
    Missing { name: String },
}

/// A parsed template text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(Vec<Part>);

impl Text {
    pub fn parse(src: &str) -> Result<Self, TemplateError> {
        let chars: Vec<char> = src.chars().collect();
        let mut top: Vec<Part> = Vec::new();
        // Inside a clause: its start, the finished alternatives; `cur` is what is
        // being built (the current alternative, or top-level parts outside).
        let mut clause: Option<usize> = None;
        let mut alts: Vec<Vec<Part>> = Vec::new();
        let mut cur: Vec<Part> = Vec::new();
        let mut buf = String::new();
        fn flush(buf: &mut String, cur: &mut Vec<Part>) {
            if !buf.is_empty() {
                cur.push(Part::Text(std::mem::take(buf)));
            }
        }
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            if c == '[' && next == Some('[') {
                if clause.is_some() {
                    return Err(TemplateError::NestedClause { at: i });
                }
                flush(&mut buf, &mut cur);
                top.append(&mut cur);
                clause = Some(i);
                i += 2;
            } else if c == ']' && next == Some(']') && clause.is_some() {
                flush(&mut buf, &mut cur);
                alts.push(std::mem::take(&mut cur));
                top.push(Part::Choice(std::mem::take(&mut alts)));
                clause = None;
                i += 2;
            } else if c == '|' && clause.is_some() {
                flush(&mut buf, &mut cur);
                alts.push(std::mem::take(&mut cur));
                i += 1;
            } else if c == '{' {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '}')
                    .ok_or(TemplateError::UnclosedPlaceholder { at: i })?;
                let name: String = chars[i + 1..i + 1 + end].iter().collect();
                let name = name.trim().to_owned();
                if !PLACEHOLDERS.contains(&name.as_str()) {
                    return Err(TemplateError::UnknownPlaceholder { name });
                }
                flush(&mut buf, &mut cur);
                cur.push(Part::Value(name));
                i += end + 2;
            } else {
                buf.push(c);
                i += 1;
            }
        }
        if let Some(at) = clause {
            return Err(TemplateError::UnclosedClause { at });
        }
        flush(&mut buf, &mut cur);
        top.append(&mut cur);
        Ok(Self(top))
    }

    /// The text with `values` filled in. A value outside any clause must exist.
    pub fn render(&self, values: &HashMap<&str, String>) -> Result<String, TemplateError> {
        let mut out = String::new();
        for part in &self.0 {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Value(name) => out.push_str(
                    values
                        .get(name.as_str())
                        .ok_or_else(|| TemplateError::Missing { name: name.clone() })?,
                ),
                Part::Choice(alts) => {
                    let chosen = alts.iter().find(|alt| {
                        alt.iter().all(|p| match p {
                            Part::Value(name) => values.contains_key(name.as_str()),
                            _ => true,
                        })
                    });
                    for p in chosen.into_iter().flatten() {
                        match p {
                            Part::Text(t) => out.push_str(t),
                            Part::Value(name) => out.push_str(&values[name.as_str()]),
                            Part::Choice(_) => {}
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}

/// "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "101st", "111th".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&'static str, &str)]) -> HashMap<&'static str, String> {
        pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect()
    }

    #[test]
    fn ordinals() {
        let table = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (22, "22nd"),
            (23, "23rd"),
            (101, "101st"),
            (111, "111th"),
            (112, "112th"),
        ];
        for (n, want) in table {
            assert_eq!(ordinal(n), want);
        }
    }

    #[test]
    fn optional_clauses_pick_the_first_alternative_with_every_value() {
        let t =
            Text::parse("[[Happy {age_ordinal} birthday|Happy birthday]], {first_name}!").unwrap();
        let with = values(&[("age_ordinal", "41st"), ("first_name", "Anna")]);
        assert_eq!(t.render(&with).unwrap(), "Happy 41st birthday, Anna!");
        let without = values(&[("first_name", "Anna")]);
        assert_eq!(t.render(&without).unwrap(), "Happy birthday, Anna!");
        let vanishing = Text::parse("Thanks[[ from {owner_name}]].").unwrap();
        assert_eq!(vanishing.render(&values(&[])).unwrap(), "Thanks.");
    }

    #[test]
    fn names_with_markup_characters_and_other_scripts_are_kept_as_written() {
        let t = Text::parse("Dear {name},").unwrap();
        for name in [
            "Tom & Jerry’s \"Deli\"",
            "Зоя Петрова",
            "山田 花子",
            "Ölgür <b>",
        ] {
            assert_eq!(
                t.render(&values(&[("name", name)])).unwrap(),
                format!("Dear {name},")
            );
        }
    }

    #[test]
    fn bad_templates_are_refused_by_name_and_place() {
        assert_eq!(
            Text::parse("Hi {firstname}").unwrap_err(),
            TemplateError::UnknownPlaceholder {
                name: "firstname".into()
            }
        );
        assert!(Text::parse("Hi {first_name")
            .unwrap_err()
            .to_string()
            .contains("character 3"));
        assert!(matches!(
            Text::parse("[[a [[b]] c]]").unwrap_err(),
            TemplateError::NestedClause { .. }
        ));
        assert!(matches!(
            Text::parse("[[Happy {age}").unwrap_err(),
            TemplateError::UnclosedClause { at: 0 }
        ));
        let missing = Text::parse("Happy {age_ordinal}!").unwrap();
        assert!(missing
            .render(&values(&[]))
            .unwrap_err()
            .to_string()
            .contains("optional clause"));
    }
}
