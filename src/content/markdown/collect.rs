//! Stage 6: what `check` and the site need from the text: each `##` section's
//! first paragraph, each heading's own text (for search), the reading-level
//! counts, and content that is not allowed.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::nodes::{Lined, MarkdownProblem, Node, Passage, SectionText};
use crate::content::readability::Counter;

/// Every heading's own text, gathered while a page is read, block by block.
#[derive(Debug, Default)]
pub struct Passages {
    /// The text before the first heading.
    pub intro: String,
    list: Vec<Passage>,
}

impl Passages {
    /// A heading starts a passage.
    pub fn start(&mut self, id: &str, title: &str, level: u8) {
        self.list.push(Passage {
            id: id.to_string(),
            title: title.to_string(),
            level,
            text: String::new(),
        });
    }

    /// Text under the latest heading (or before the first one).
    pub fn push_text(&mut self, text: &str) {
        self.current().push_str(text);
    }

    /// The end of a list item: items read as a list in a sentence, "a, b, c.".
    pub fn end_item(&mut self) {
        self.end_with(", ");
    }

    /// The end of a list: its last item ends the sentence.
    pub fn end_list(&mut self) {
        let text = self.current();
        if text.ends_with(", ") {
            text.truncate(text.len() - 2);
        }
        self.end_with(". ");
    }

    fn end_with(&mut self, separator: &str) {
        let text = self.current();
        let trimmed = text.trim_end().len();
        text.truncate(trimmed);
        let push = if text.ends_with(|c: char| c.is_alphanumeric()) {
            separator
        } else {
            " "
        };
        text.push_str(push);
    }

    fn current(&mut self) -> &mut String {
        match self.list.last_mut() {
            Some(p) => &mut p.text,
            None => &mut self.intro,
        }
    }

    /// The passages, their text on one line.
    pub fn finish(self) -> Vec<Passage> {
        self.list
            .into_iter()
            .map(|p| Passage {
                text: p.text.split_whitespace().collect::<Vec<_>>().join(" "),
                ..p
            })
            .collect()
    }
}

/// Counts the text, records sections and passages, and refuses raw HTML and images.
pub fn text(
    nodes: &[Lined<'_>],
    counter: &mut Counter,
    sections: &mut Vec<SectionText>,
    passages: &mut Passages,
    problems: &mut Vec<MarkdownProblem>,
) {
    let mut paragraph: Option<String> = None;
    // The heading being read: level, id, text so far.
    let mut heading: Option<(u8, String, String)> = None;
    let mut in_code_block = false;
    for (node, line) in nodes {
        let phone;
        let event = match node {
            Node::Event(event) => event,
            // The emergency number reads as text.
            Node::Phone(number) => {
                phone = Event::Text(number.as_str().into());
                &phone
            }
            _ => continue,
        };
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((
                    *level as u8,
                    id.as_deref().unwrap_or_default().to_string(),
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, title)) = heading.take() {
                    counter.add_text(&title);
                    counter.end_block();
                    passages.start(&id, &title, level);
                    if level == 2 {
                        sections.push(SectionText {
                            id,
                            title,
                            summary: String::new(),
                        });
                    }
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => problems.push(MarkdownProblem {
                line: *line,
                message: "raw HTML is not allowed in content; use Markdown".into(),
            }),
            Event::Start(Tag::Image { .. }) => problems.push(MarkdownProblem {
                line: *line,
                message: "images are not supported in content".into(),
            }),
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(Tag::Paragraph) => paragraph = Some(String::new()),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                if let (Some(text), Some(section)) = (paragraph.take(), sections.last_mut())
                    && section.summary.is_empty()
                {
                    section.summary = text.trim().to_string();
                }
                if matches!(event, Event::End(TagEnd::Item)) {
                    passages.end_item();
                } else {
                    passages.push_text(" ");
                }
                counter.end_block();
            }
            Event::End(TagEnd::List(_)) => passages.end_list(),
            // Code spans (addresses, field names) are not prose: no reading level.
            Event::Code(code) => {
                if let Some(p) = paragraph.as_mut() {
                    p.push_str(code);
                }
                match heading.as_mut() {
                    Some((_, _, title)) => title.push_str(code),
                    None => passages.push_text(code),
                }
            }
            Event::Text(text) => {
                if let Some((_, _, title)) = heading.as_mut() {
                    title.push_str(text);
                    continue;
                }
                if let Some(p) = paragraph.as_mut() {
                    p.push_str(text);
                }
                passages.push_text(text);
                if !in_code_block {
                    counter.add_text(text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = paragraph.as_mut() {
                    p.push(' ');
                }
                passages.push_text(" ");
                counter.add_text(" ");
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Glossary, SectionText, render, test_context};

    #[test]
    fn each_h2_section_keeps_its_first_paragraph_as_a_summary() {
        let glossary = Glossary::new();
        let r = render(
            "Intro.\n\n## Cramps {#cramps}\n\nA cramp is a [tight](/x) muscle.\n\nMore.\n\n### Sub\n\n## Empty\n",
            1,
            &test_context(&glossary, &|_| None),
        );
        assert_eq!(r.sections.len(), 2);
        assert_eq!(
            r.sections[0],
            SectionText {
                id: "cramps".into(),
                title: "Cramps".into(),
                summary: "A cramp is a tight muscle.".into()
            }
        );
        assert_eq!(r.sections[1].summary, "");
    }

    #[test]
    fn every_heading_keeps_its_own_text_up_to_the_next_heading() {
        let glossary = Glossary::new();
        let r = render(
            "Before any heading.\n\n## Cramps {#cramps}\n\nA cramp is a [tight](/x) muscle.\n\n- calf\n- foot\n\n### Stretch {#stretch}\n\nPull your `toes`\nup.\n\n## Empty\n",
            1,
            &test_context(&glossary, &|_| None),
        );
        assert_eq!(r.intro, "Before any heading.");
        let seen: Vec<(&str, &str, u8, &str)> = r
            .passages
            .iter()
            .map(|p| (p.id.as_str(), p.title.as_str(), p.level, p.text.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                (
                    "cramps",
                    "Cramps",
                    2,
                    "A cramp is a tight muscle. calf, foot."
                ),
                ("stretch", "Stretch", 3, "Pull your toes up."),
                ("empty", "Empty", 2, ""),
            ]
        );
    }

    #[test]
    fn raw_html_and_images_are_refused() {
        let glossary = Glossary::new();
        let r = render(
            "Hello <b>there</b>\n\n![x](/a.png)\n",
            10,
            &test_context(&glossary, &|_| None),
        );
        assert!(
            r.problems
                .iter()
                .any(|p| p.line == 10 && p.message.contains("raw HTML"))
        );
        assert!(
            r.problems
                .iter()
                .any(|p| p.line == 12 && p.message.contains("images"))
        );
    }

    #[test]
    fn code_spans_do_not_count_towards_the_reading_level() {
        let glossary = Glossary::new();
        let ctx = test_context(&glossary, &|_| None);
        let with = render(
            "Link to `/when-to-seek-help#emergency-department-information`.\n",
            1,
            &ctx,
        );
        let without = render("Link to.\n", 1, &ctx);
        assert_eq!(with.text, without.text);
    }
}
