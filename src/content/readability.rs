//! How easy a page is to read: the Flesch-Kincaid grade for English, and the
//! Szigriszt-Pazos perspicuity on the INFLESZ scale for Spanish.

/// Counts gathered from a page's text.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct TextStats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

/// A language's way of counting syllables, and its readability formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Flesch-Kincaid grade level (US school grade; lower is easier).
    FleschKincaid,
    /// Szigriszt-Pazos perspicuity, read on the INFLESZ scale (0-100; higher is easier).
    Inflesz,
}

impl Method {
    /// The method for a language code, if the site has one for it.
    pub fn for_language(code: &str) -> Option<Method> {
        match code {
            "en" => Some(Method::FleschKincaid),
            "es" => Some(Method::Inflesz),
            _ => None,
        }
    }

    fn syllables(self, word: &str) -> usize {
        match self {
            Method::FleschKincaid => english_syllables(word),
            Method::Inflesz => spanish_syllables(word),
        }
    }

    /// The score of `stats`; 0 for a text with no words.
    pub fn score(self, stats: &TextStats) -> f64 {
        if stats.words == 0 || stats.sentences == 0 {
            return 0.0;
        }
        let words = stats.words as f64;
        let per_sentence = words / stats.sentences as f64;
        let per_word = stats.syllables as f64 / words;
        match self {
            // Kincaid et al. (1975).
            Method::FleschKincaid => 0.39 * per_sentence + 11.8 * per_word - 15.59,
            // Szigriszt Pazos (1993): P = 206.835 - 62.3 (syllables / words) - (words / sentences).
            Method::Inflesz => 206.835 - 62.3 * per_word - per_sentence,
        }
    }
}

/// The INFLESZ band of a Szigriszt-Pazos score (Barrio-Cantalejo et al., 2008):
/// the string id part for its name.
pub fn inflesz_band(score: f64) -> &'static str {
    match score {
        s if s < 40.0 => "very-hard",
        s if s < 55.0 => "somewhat-hard",
        s if s < 65.0 => "normal",
        s if s <= 80.0 => "fairly-easy",
        _ => "very-easy",
    }
}

/// Every INFLESZ band id, easiest last.
pub const INFLESZ_BANDS: &[&str] = &[
    "very-hard",
    "somewhat-hard",
    "normal",
    "fairly-easy",
    "very-easy",
];

/// Accumulates text block by block; each block end closes an open sentence.
#[derive(Debug)]
pub struct Counter {
    method: Method,
    stats: TextStats,
    words_in_sentence: usize,
}

impl Counter {
    pub fn new(method: Method) -> Counter {
        Counter {
            method,
            stats: TextStats::default(),
            words_in_sentence: 0,
        }
    }

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
        if word.chars().any(char::is_alphanumeric) {
            self.stats.words += 1;
            self.stats.syllables += self.method.syllables(word);
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

/// English syllables by vowel groups, less a silent final "e"; at least one.
pub fn english_syllables(word: &str) -> usize {
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

/// Spanish syllables: one per vowel nucleus. Two open vowels (a, e, o) side by
/// side, or a stressed í or ú next to another vowel, are two syllables (hiatus);
/// other vowel pairs are one (diphthong). The u of "que", "qui", "gue" and "gui"
/// is silent; "y" is a consonant. At least one.
pub fn spanish_syllables(word: &str) -> usize {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return 1;
    }
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let is_vowel = |c: char| "aeiouáéíóúü".contains(c);
    // Open vowels, and stressed close vowels, which break a diphthong.
    let is_strong = |c: char| "aeoáéóíú".contains(c);
    let mut count = 0;
    let mut previous: Option<char> = None;
    for (i, &c) in w.iter().enumerate() {
        let silent_u = c == 'u'
            && i > 0
            && matches!(w[i - 1], 'q' | 'g')
            && w.get(i + 1)
                .is_some_and(|n| matches!(n, 'e' | 'i' | 'é' | 'í'));
        if !is_vowel(c) || silent_u {
            previous = None;
            continue;
        }
        match previous {
            Some(p) if !(is_strong(p) && is_strong(c)) => {}
            _ => count += 1,
        }
        previous = Some(c);
    }
    count.max(1)
}

/// Score of plain text where each line is a block (used by tests).
pub fn score_of(method: Method, text: &str) -> f64 {
    let mut c = Counter::new(method);
    for line in text.lines() {
        c.add_text(line);
        c.end_block();
    }
    method.score(&c.stats())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_english_syllables_like_people_do() {
        for (word, n) in [
            ("leg", 1),
            ("water", 2),
            ("cramp", 1),
            ("make", 1),
            ("ankle", 2),
            ("thrombosis", 3),
            ("2026", 1),
        ] {
            assert_eq!(english_syllables(word), n, "{word}");
        }
    }

    #[test]
    fn counts_spanish_syllables_with_diphthongs_and_hiatus() {
        for (word, n) in [
            ("pierna", 2),    // pier-na: ie is a diphthong
            ("dolor", 2),     // do-lor
            ("noche", 2),     // no-che
            ("poesía", 4),    // po-e-sí-a: two hiatus
            ("ciudad", 2),    // ciu-dad
            ("leer", 2),      // le-er
            ("que", 1),       // silent u
            ("guitarra", 3),  // gui-ta-rra
            ("pingüino", 3),  // pin-güi-no: ü is spoken
            ("hay", 1),       // y is a consonant here, and ends the word
            ("trombosis", 3), // trom-bo-sis
            ("médico", 3),    // mé-di-co
            ("venosa", 3),    // ve-no-sa
            ("día", 2),       // dí-a
            ("calambres", 3), // ca-lam-bres
            ("y", 1),
        ] {
            assert_eq!(spanish_syllables(word), n, "{word}");
        }
    }

    #[test]
    fn short_plain_sentences_read_easily() {
        assert!(
            score_of(
                Method::FleschKincaid,
                "Your leg hurts at night. Stretch it. Drink water."
            ) < 3.0
        );
        let es = score_of(
            Method::Inflesz,
            "Le duele la pierna de noche. Estire el músculo. Beba agua.",
        );
        assert!(es > 80.0, "{es}");
        assert_eq!(inflesz_band(es), "very-easy");
    }

    #[test]
    fn long_technical_sentences_read_hard() {
        let g = score_of(
            Method::FleschKincaid,
            "Peripheral neuropathy, frequently associated with diabetes mellitus, originates from progressive nerve degeneration characterised by paraesthesia and dysaesthesia exacerbated nocturnally.",
        );
        assert!(g > 16.0, "{g}");
        let es = score_of(
            Method::Inflesz,
            "La neuropatía periférica, frecuentemente asociada a la diabetes mellitus, se origina por una degeneración nerviosa progresiva caracterizada por parestesias y disestesias que se exacerban durante la noche.",
        );
        assert!(es < 40.0, "{es}");
        assert_eq!(inflesz_band(es), "very-hard");
    }

    #[test]
    fn the_inflesz_formula_is_the_published_one() {
        // 10 words, 2 sentences, 20 syllables: 206.835 - 62.3 * 2 - 5.
        let stats = TextStats {
            words: 10,
            sentences: 2,
            syllables: 20,
        };
        assert!((Method::Inflesz.score(&stats) - 77.235).abs() < 1e-9);
        assert_eq!(inflesz_band(65.0), "fairly-easy");
        assert_eq!(inflesz_band(64.9), "normal");
    }

    #[test]
    fn counts_words_and_sentences() {
        let mut c = Counter::new(Method::FleschKincaid);
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
