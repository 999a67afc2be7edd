//! Reading level: the Flesch-Kincaid grade of a page's text.

/// Counts gathered from a page's text.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct TextStats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl TextStats {
    /// US school grade; 0 for a page with no words.
    pub fn grade(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        0.39 * self.words as f64 / self.sentences as f64
            + 11.8 * self.syllables as f64 / self.words as f64
            - 15.59
    }
}

/// Accumulates text block by block; each block end closes an open sentence.
#[derive(Debug, Default)]
pub struct Counter {
    stats: TextStats,
    words_in_sentence: usize,
}

impl Counter {
    /// Adds a run of text inside the current block.
    pub fn add_text(&mut self, text: &str) {
        let mut chars = text.chars().peekable();
        let mut word = String::new();
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() || c == '\'' || c == '\u{2019}' {
                word.push(c);
                continue;
            }
            self.finish_word(&mut word);
            let at_boundary = chars.peek().is_none_or(|n| n.is_whitespace());
            if matches!(c, '.' | '!' | '?') && at_boundary {
                self.end_sentence();
            }
        }
        self.finish_word(&mut word);
    }

    /// Ends the current block (paragraph, heading, list item, table cell).
    pub fn end_block(&mut self) {
        self.end_sentence();
    }

    pub fn stats(&self) -> TextStats {
        let mut s = self.stats;
        if self.words_in_sentence > 0 {
            s.sentences += 1;
        }
        s
    }

    fn finish_word(&mut self, word: &mut String) {
        if word.chars().any(|c| c.is_alphanumeric()) {
            self.stats.words += 1;
            self.stats.syllables += syllables(word);
            self.words_in_sentence += 1;
        }
        word.clear();
    }

    fn end_sentence(&mut self) {
        if self.words_in_sentence > 0 {
            self.stats.sentences += 1;
            self.words_in_sentence = 0;
        }
    }
}

/// Syllables by vowel groups, less a silent final "e"; at least one.
pub fn syllables(word: &str) -> usize {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return 1;
    }
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous_vowel = false;
    for &c in &w {
        let v = is_vowel(c);
        if v && !previous_vowel {
            count += 1;
        }
        previous_vowel = v;
    }
    let n = w.len();
    if n >= 2 && w[n - 1] == 'e' && w[n - 2] != 'l' && count > 1 {
        count -= 1;
    }
    count.max(1)
}

/// Grade of plain text where each line is a block (used by tests).
pub fn grade_of(text: &str) -> f64 {
    let mut c = Counter::default();
    for line in text.lines() {
        c.add_text(line);
        c.end_block();
    }
    c.stats().grade()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables_like_people_do() {
        assert_eq!(syllables("leg"), 1);
        assert_eq!(syllables("water"), 2);
        assert_eq!(syllables("cramp"), 1);
        assert_eq!(syllables("make"), 1);
        assert_eq!(syllables("ankle"), 2);
        assert_eq!(syllables("thrombosis"), 3);
        assert_eq!(syllables("2026"), 1);
    }

    #[test]
    fn short_plain_sentences_read_at_a_low_grade() {
        assert!(grade_of("Your leg hurts at night. Stretch it. Drink water.") < 3.0);
    }

    #[test]
    fn long_technical_sentences_read_at_a_high_grade() {
        let g = grade_of(
            "Peripheral neuropathy, frequently associated with diabetes mellitus, originates from progressive nerve degeneration characterised by paraesthesia and dysaesthesia exacerbated nocturnally.",
        );
        assert!(g > 16.0, "{g}");
    }

    #[test]
    fn counts_words_and_sentences() {
        let mut c = Counter::default();
        c.add_text("One two. Three 4!");
        c.end_block();
        c.add_text("heading");
        c.end_block();
        assert_eq!(
            c.stats(),
            TextStats {
                words: 5,
                sentences: 3,
                syllables: 6
            }
        );
    }
}
