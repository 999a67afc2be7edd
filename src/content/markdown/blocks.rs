//! Stage 1: care cards and warning-sign cards, split from the Markdown
//! around them, line by line, keeping each block's first file line.

use super::nodes::MarkdownProblem;
use crate::triage::CareCard;

/// A part of a page body before rendering.
#[derive(Debug, Clone, PartialEq)]
pub enum RawBlock {
    Markdown {
        text: String,
        first_line: usize,
    },
    /// `::: kind` ... `:::`.
    Card {
        kind: CareCard,
        text: String,
        first_line: usize,
    },
    /// `::: signs <level> {#id}`: a card the site fills from the rules.
    Signs {
        level: String,
        id: Option<String>,
        line: usize,
    },
}

/// Splits `body` (whose first line is `first_line` in the file) into blocks.
pub fn split(body: &str, first_line: usize) -> (Vec<RawBlock>, Vec<MarkdownProblem>) {
    let mut blocks = Vec::new();
    let mut problems = Vec::new();
    let mut text = String::new();
    let mut text_line = first_line;
    // The open card: kind, first line, text so far.
    let mut card: Option<(CareCard, usize, String)> = None;
    let flush = |blocks: &mut Vec<RawBlock>, text: &mut String, text_line: usize| {
        if !text.trim().is_empty() {
            blocks.push(RawBlock::Markdown {
                text: std::mem::take(text),
                first_line: text_line,
            });
        }
        text.clear();
    };
    for (i, raw) in body.lines().enumerate() {
        let line = first_line + i;
        let Some(rest) = raw.trim().strip_prefix(":::") else {
            match card.as_mut() {
                Some((_, _, card_text)) => {
                    card_text.push_str(raw);
                    card_text.push('\n');
                }
                None => {
                    if text.is_empty() {
                        text_line = line;
                    }
                    text.push_str(raw);
                    text.push('\n');
                }
            }
            continue;
        };
        let name = rest.trim();
        if name.is_empty() {
            match card.take() {
                Some((kind, start, card_text)) => blocks.push(RawBlock::Card {
                    kind,
                    text: card_text,
                    first_line: start + 1,
                }),
                None => problems.push(MarkdownProblem {
                    line,
                    message: "`:::` closes a care card that was never opened".into(),
                }),
            }
            continue;
        }
        if let Some((_, start, _)) = &card {
            problems.push(MarkdownProblem {
                line,
                message: format!("care card opened at line {start} is not closed before this line"),
            });
            continue;
        }
        flush(&mut blocks, &mut text, text_line);
        if let Some(signs) = name.strip_prefix("signs") {
            let (level, id) = match signs.trim().split_once("{#") {
                Some((level, id)) => (
                    level.trim(),
                    Some(id.trim_end_matches('}').trim().to_string()),
                ),
                None => (signs.trim(), None),
            };
            blocks.push(RawBlock::Signs {
                level: level.to_string(),
                id,
                line,
            });
        } else if let Some(kind) = CareCard::from_name(name) {
            card = Some((kind, line, String::new()));
        } else {
            problems.push(MarkdownProblem {
                line,
                message: format!("unknown care card {name:?}: use emergency, urgent, non-urgent, self-care or signs"),
            });
        }
    }
    if let Some((_, start, _)) = card {
        problems.push(MarkdownProblem {
            line: start,
            message: "care card is not closed: add a `:::` line".into(),
        });
    }
    flush(&mut blocks, &mut text, text_line);
    (blocks, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_and_signs_split_the_body_with_their_lines() {
        let body =
            "Intro.\n\n::: urgent\n### Soon\n- a\n:::\n\n::: signs emergency {#now}\nAfter.\n";
        let (blocks, problems) = split(body, 5);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            blocks,
            [
                RawBlock::Markdown {
                    text: "Intro.\n\n".into(),
                    first_line: 5
                },
                RawBlock::Card {
                    kind: CareCard::Urgent,
                    text: "### Soon\n- a\n".into(),
                    first_line: 8
                },
                RawBlock::Signs {
                    level: "emergency".into(),
                    id: Some("now".into()),
                    line: 12
                },
                RawBlock::Markdown {
                    text: "After.\n".into(),
                    first_line: 13
                },
            ]
        );
    }

    #[test]
    fn an_unknown_card_and_an_unclosed_card_are_problems_with_lines() {
        let (_, problems) = split("::: danger\n### X\n:::\n", 10);
        assert_eq!(problems[0].line, 10);
        let (_, problems) = split("text\n\n::: urgent\n### X\n", 10);
        assert_eq!(problems[0].line, 12);
        assert!(problems[0].message.contains("not closed"));
        let (_, problems) = split(":::\n", 3);
        assert_eq!(problems[0].line, 3);
    }
}
