//! Words as the search compares them: one tantivy analyzer per language
//! (split, lower-case, drop stop words, fold accents, stem), and the edit
//! distance that forgives a misspelling.

use std::sync::Mutex;

use rustc_hash::FxHashMap as HashMap;

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
pub struct Analyzer {
    /// Split, lower-cased, stop words out, accents folded: the words as written.
    raw: TextAnalyzer,
    /// One folded word to its stem (the word itself in a language with no stemmer).
    stem: TextAnalyzer,
    /// A pair ready to use, so that most searches need no copy of the
    /// analyzers (a copy allocates every stage); a search that finds it in
    /// use by another thread takes a copy.
    ready: Mutex<(TextAnalyzer, TextAnalyzer)>,
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
        let raw = raw_analyzer(language);
        let stem = match language {
            Some(l) => TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(l))
                .build(),
            None => TextAnalyzer::builder(RawTokenizer::default()).build(),
        };
        Analyzer {
            ready: Mutex::new((raw.clone(), stem.clone())),
            raw,
            stem,
        }
    }

    /// Runs `f` with a pair of analyzers (raw, stem).
    fn with<R>(&self, f: impl FnOnce(&mut TextAnalyzer, &mut TextAnalyzer) -> R) -> R {
        if let Ok(mut pair) = self.ready.try_lock() {
            let (raw, stem) = &mut *pair;
            return f(raw, stem);
        }
        f(&mut self.raw.clone(), &mut self.stem.clone())
    }

    /// A reader of many texts: each distinct word is stemmed once.
    pub fn reader(&self) -> Reader<'_> {
        Reader {
            analyzer: self,
            stemmer: self.stem.clone(),
            stems: HashMap::default(),
        }
    }

    /// The words of `text`, in order: folded and stemmed as the index has them.
    pub fn words(&self, text: &str) -> Vec<Word> {
        self.with(|raw, stemmer| {
            raw_words_with(raw, text)
                .into_iter()
                .map(|raw| Word {
                    stem: stem_with(stemmer, &raw),
                    raw,
                })
                .collect()
        })
    }

    /// The words of `text` as written, folded, not stemmed.
    pub fn raw_words(&self, text: &str) -> Vec<String> {
        self.with(|raw, _| raw_words_with(raw, text))
    }

    /// The stem of one folded word.
    pub fn stem(&self, raw: &str) -> String {
        self.with(|_, stemmer| stem_with(stemmer, raw))
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

fn raw_words_with(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while let Some(token) = stream.next() {
        words.push(token.text.clone());
    }
    words
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
/// one from four letters (a swapped pair of letters is one), two from ten.
pub fn allowed_mistakes(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=9 => 1,
        _ => 2,
    }
}

/// The typing mistakes between two folded words (a swapped pair of letters
/// counts once), when there are no more than `limit` and than both lengths
/// allow, and the first letters agree: people rarely mistype the first
/// letter, and comparing only words that share it keeps a search quick
/// (Lucene's spell checker does the same, `minPrefix = 1`).
pub fn mistakes(typed: &str, known: &str, limit: usize) -> Option<usize> {
    let (a, b) = (typed.chars().count(), known.chars().count());
    let limit = limit.min(allowed_mistakes(a.min(b)));
    if limit == 0 || a.abs_diff(b) > limit || typed.chars().next() != known.chars().next() {
        return None;
    }
    // Most words of the same first letter and length are far apart: the
    // letters they do not share tell so (see `letters_apart`) without the
    // full comparison.
    if letters_apart(typed, known) > limit {
        return None;
    }
    let d = strsim::osa_distance(typed, known);
    (d <= limit).then_some(d)
}

/// A lower bound of the typing mistakes between two words, from their
/// letters alone (the "bag distance"): the letters of one that the other
/// lacks, counted with repeats, the larger of the two counts. An insertion,
/// a deletion or a substitution changes it by at most one and a swap of
/// two letters not at all, so it never exceeds the mistakes `strsim` counts.
/// Letters are counted in 32 buckets by their code (a to z each its own):
/// letters sharing a bucket can only lower the count, so it stays a bound.
fn letters_apart(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 32];
    for c in a.chars() {
        counts[c as usize % 32] += 1;
    }
    for c in b.chars() {
        counts[c as usize % 32] -= 1;
    }
    let (mut more, mut fewer) = (0, 0);
    for n in counts {
        if n > 0 {
            more += n;
        } else {
            fewer -= n;
        }
    }
    more.max(fewer).unsigned_abs() as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The quick bound never rules out a word `strsim` would accept.
        #[test]
        fn letters_apart_never_exceeds_the_mistakes(
            a in "[a-zñ0-9]{0,12}",
            b in "[a-zñ0-9]{0,12}",
        ) {
            prop_assert!(letters_apart(&a, &b) <= strsim::osa_distance(&a, &b));
        }
    }

    #[test]
    fn letters_apart_counts_the_letters_not_shared() {
        assert_eq!(letters_apart("restles", "restless"), 1);
        assert_eq!(letters_apart("nueropathy", "neuropathy"), 0);
        assert_eq!(letters_apart("cramp", "crump"), 1);
        assert_eq!(letters_apart("legs", "lung"), 2);
    }

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
        assert_eq!(mistakes("restles", "restless", 2), Some(1));
        assert_eq!(
            mistakes("nueropathy", "neuropathy", 2),
            Some(1),
            "a swap counts once"
        );
        assert_eq!(mistakes("vains", "veins", 2), Some(1));
        assert_eq!(mistakes("varicos", "varicose", 2), Some(1));
        assert_eq!(mistakes("nueropahty", "neuropathy", 2), Some(2));
        assert_eq!(
            mistakes("nueropahty", "neuropathy", 1),
            None,
            "the limit holds"
        );
        assert_eq!(
            mistakes("neropaty", "neuropathy", 2),
            None,
            "eight letters: one mistake"
        );
        assert_eq!(mistakes("leg", "log", 2), None, "short words are exact");
        assert_eq!(
            mistakes("bread", "breath", 2),
            None,
            "five letters: one mistake"
        );
        assert_eq!(
            mistakes("kramp", "cramp", 2),
            None,
            "the first letter is kept"
        );
        assert_eq!(mistakes("cramp", "clot", 2), None);
    }
}
