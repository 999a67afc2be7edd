//! Words as the search compares them: one tantivy analyzer per language
//! (split, lower-case, drop stop words, fold accents, stem), and the edit
//! distance that forgives a misspelling.

use std::collections::HashMap;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, StopWordFilter, TextAnalyzer,
};

/// Longer "words" are not words (and are dropped).
const LONGEST_WORD: usize = 40;

/// One word: folded (`ciatica`), and its stem (`ciatic`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub raw: String,
    pub stem: String,
}

/// A language's way of reading words, the same for the index and for a query.
#[derive(Clone)]
pub struct Analyzer {
    /// Split, lower-cased, stop words out, accents folded: the words as written.
    raw: TextAnalyzer,
    /// One folded word to its stem (the word itself in a language with no stemmer).
    stem: TextAnalyzer,
}

/// The stemmer and stop words for a language code, when tantivy has them.
fn language(code: &str) -> Option<Language> {
    match code {
        "en" => Some(Language::English),
        "es" => Some(Language::Spanish),
        _ => None,
    }
}

impl Analyzer {
    pub fn new(code: &str) -> Analyzer {
        let language = language(code);
        Analyzer {
            raw: raw_analyzer(language),
            stem: match language {
                Some(l) => TextAnalyzer::builder(RawTokenizer::default())
                    .filter(Stemmer::new(l))
                    .build(),
                None => TextAnalyzer::builder(RawTokenizer::default()).build(),
            },
        }
    }

    /// A reader of many texts: each distinct word is stemmed once.
    pub fn reader(&self) -> Reader<'_> {
        Reader {
            analyzer: self,
            stemmer: self.stem.clone(),
            stems: HashMap::new(),
        }
    }

    /// The words of `text`, in order: folded and stemmed as the index has them.
    pub fn words(&self, text: &str) -> Vec<Word> {
        let mut stemmer = self.stem.clone();
        self.raw_words(text)
            .into_iter()
            .map(|raw| Word {
                stem: stem_with(&mut stemmer, &raw),
                raw,
            })
            .collect()
    }

    /// The words of `text` as written, folded, not stemmed.
    pub fn raw_words(&self, text: &str) -> Vec<String> {
        let mut raw = self.raw.clone();
        let mut stream = raw.token_stream(text);
        let mut words = Vec::new();
        while let Some(token) = stream.next() {
            words.push(token.text.clone());
        }
        words
    }

    /// The stem of one folded word.
    pub fn stem(&self, raw: &str) -> String {
        stem_with(&mut self.stem.clone(), raw)
    }
}

/// Reads many texts into words, for an index: the same words come back
/// thousands of times, and stemming is the costly part.
pub struct Reader<'a> {
    analyzer: &'a Analyzer,
    stemmer: TextAnalyzer,
    stems: HashMap<String, String>,
}

impl Reader<'_> {
    /// The same as [`Analyzer::words`].
    pub fn words(&mut self, text: &str) -> Vec<Word> {
        let raw = self.analyzer.raw_words(text);
        raw.into_iter()
            .map(|raw| {
                let stem = match self.stems.get(&raw) {
                    Some(stem) => stem.clone(),
                    None => {
                        let stem = stem_with(&mut self.stemmer, &raw);
                        self.stems.insert(raw.clone(), stem.clone());
                        stem
                    }
                };
                Word { raw, stem }
            })
            .collect()
    }
}

fn stem_with(stemmer: &mut TextAnalyzer, raw: &str) -> String {
    let mut stream = stemmer.token_stream(raw);
    stream
        .next()
        .map_or_else(|| raw.to_string(), |t| t.text.clone())
}

fn raw_analyzer(language: Option<Language>) -> TextAnalyzer {
    let base = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .dynamic();
    let base = match language.and_then(StopWordFilter::new) {
        Some(stop) => base.filter_dynamic(stop),
        None => base,
    };
    base.filter_dynamic(AsciiFoldingFilter).build()
}

/// How many typing mistakes a word of this length may hold and still be
/// recognised: none in short words (too many of them are one letter apart),
/// one from four letters, two from eight.
pub fn allowed_mistakes(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The typing mistakes between two folded words (a swapped pair of letters
/// counts once), or `None` when there are more than `limit`.
pub fn mistakes(a: &str, b: &str, limit: usize) -> Option<usize> {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > limit {
        return None;
    }
    let d = strsim::osa_distance(a, b);
    (d <= limit).then_some(d)
}

/// Whether a typed word stands for `known`: the same stem, or the same word
/// with no more typing mistakes than `limit` allows for its length.
pub fn same_word(typed: &Word, known: &Word, limit: usize) -> bool {
    if typed.stem == known.stem || typed.raw == known.raw {
        return true;
    }
    let chars = typed.raw.chars().count().min(known.raw.chars().count());
    let allowed = allowed_mistakes(chars).min(limit);
    allowed > 0 && mistakes(&typed.raw, &known.raw, allowed).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raws(a: &Analyzer, text: &str) -> Vec<String> {
        a.words(text).into_iter().map(|w| w.raw).collect()
    }

    fn stems(a: &Analyzer, text: &str) -> Vec<String> {
        a.words(text).into_iter().map(|w| w.stem).collect()
    }

    #[test]
    fn english_words_are_folded_stemmed_and_stop_words_dropped() {
        let en = Analyzer::new("en");
        assert_eq!(raws(&en, "The Cramps, at NIGHT"), ["cramps", "night"]);
        assert_eq!(stems(&en, "cramps"), stems(&en, "cramp"));
        assert_eq!(stems(&en, "swelling"), stems(&en, "swell"));
    }

    #[test]
    fn spanish_words_are_the_same_with_or_without_accents_and_stemmed() {
        let es = Analyzer::new("es");
        assert_eq!(stems(&es, "ciática"), stems(&es, "ciatica"));
        assert_eq!(stems(&es, "calambres"), stems(&es, "calambre"));
        assert_eq!(raws(&es, "se me duermen los pies"), ["duermen", "pies"]);
    }

    #[test]
    fn a_reader_reads_as_the_analyzer_does() {
        for code in ["en", "es"] {
            let a = Analyzer::new(code);
            let mut reader = a.reader();
            let text = "Síndrome de las piernas inquietas: the restless legs' urge, ciática, legs.";
            assert_eq!(reader.words(text), a.words(text), "{code}");
            assert_eq!(reader.words(text), a.words(text), "{code}, remembered");
        }
    }

    #[test]
    fn misspellings_are_forgiven_by_word_length() {
        let en = Analyzer::new("en");
        let word = |s: &str| en.words(s).remove(0);
        assert!(same_word(&word("restles"), &word("restless"), 2));
        assert!(same_word(&word("nueropathy"), &word("neuropathy"), 2));
        assert!(same_word(&word("vains"), &word("veins"), 2));
        assert!(
            !same_word(&word("leg"), &word("log"), 2),
            "short words exact"
        );
        assert!(!same_word(&word("bread"), &word("breath"), 1));
        assert_eq!(mistakes("varicos", "varicose", 1), Some(1));
        assert_eq!(mistakes("cramp", "clot", 2), None);
    }
}
