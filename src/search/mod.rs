//! The site's search: one in-memory tantivy index per language, built at
//! start-up (and on every reload) from the same content as the pages. Each
//! document is one heading of a page (or the top of a page), so a search
//! finds the section that explains a thing, not just the page that holds it.
//!
//! A section is found by its heading, by the words people use for it (the
//! front matter's `search_words` and `synonyms`, and the glossary's phrases
//! for its entries), by the words of glossary terms it uses, by its page's
//! title and by its own text, in that order of weight. Words are stemmed per
//! language and accents are optional; a word the site does not know is read
//! as the site's closest words (a misspelling), and the site's closest
//! phrase is offered as "did you mean". A search that names a warning sign
//! (the words are in each strings file) is told so, to show the emergency
//! card first.
//!
//! Nothing typed is kept: a query lives for one call.

pub mod words;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use tantivy::directory::RamDirectory;
use tantivy::indexer::SingleSegmentIndexWriter;
use tantivy::postings::Postings;
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{DocSet, Index, ReloadPolicy, Searcher, TERMINATED, TantivyDocument, Term};

use crate::content::markdown::html::escape;
use crate::content::{Content, LangContent, Page};
use crate::problem::Problems;
use words::{Analyzer, Reader, Word, allowed_mistakes, mistakes};

/// The longest query read, in characters; the rest is cut off.
pub const MAX_QUERY_CHARS: usize = 100;
/// Words read from a query: enough for a sentence.
const MAX_WORDS: usize = 12;
/// Results shown.
pub const MAX_RESULTS: usize = 10;
/// About how long a snippet is, in characters.
const SNIPPET_CHARS: usize = 160;
/// How much a word read as another (a misspelling) counts against one typed right.
const CORRECTED_WEIGHT: f32 = 0.8;
/// A word held by more than one section in this many is common (see `best`).
const COMMON_SHARE: u64 = 3;
/// The closest words tried for a misspelt one.
const MAX_CORRECTIONS: usize = 3;
/// The indexing arena's budget: its first table is sized from it, and it
/// grows as it fills (a language's index takes well under a megabyte).
const ARENA_BYTES: usize = 1_000_000;

/// How much a word counts in each part of a section, so the section that
/// explains a thing (its heading, or a name people use for it) comes before
/// one that only mentions it. Each part is a field, so its length is
/// weighed against its own kind (adding names never makes the text look
/// longer), but a word has one rarity across the whole site (see
/// [`SiteStatistics`]): a common word in a heading never outweighs a rare
/// one in the text.
const TITLE_BOOST: f32 = 3.0;
/// The words people use for a section: its declared names.
const NAMES_BOOST: f32 = 3.0;
/// The names of glossary terms a section uses: a hint.
const RELATED_BOOST: f32 = 1.2;
/// The section's text and its page's title.
const TEXT_BOOST: f32 = 1.0;

/// A query as a person typed it, made safe to read and to show back in the
/// search box: no control characters, spaces collapsed, at most
/// [`MAX_QUERY_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    text: String,
}

impl Query {
    pub fn new(raw: &str) -> Query {
        let mut text = String::new();
        for word in raw
            .split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
        {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
        }
        let text = match text.char_indices().nth(MAX_QUERY_CHARS) {
            Some((cut, _)) => text[..cut].trim_end().to_string(),
            None => text,
        };
        Query { text }
    }

    /// The `q` of a URL query string (the first, if there are several).
    pub fn from_query_string(query_string: &str) -> Query {
        form_urlencoded::parse(query_string.as_bytes())
            .find(|(k, _)| k == "q")
            .map_or_else(Query::default, |(_, v)| Query::new(&v))
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// One thing a search can find: a heading of a page, or the top of a page.
#[derive(Debug, Clone)]
pub struct Section {
    /// Language-neutral page path and anchor: `/causes#arthritis`.
    pub path: String,
    /// The same in the index's language: `/es/causes#arthritis`.
    pub url: String,
    pub page_title: String,
    /// The heading; the page title at the top of a page.
    pub title: String,
    /// The start of its text, plain, cut at a word.
    pub snippet: String,
    /// The top of its page, not a heading in it.
    pub page_top: bool,
    /// The same, escaped for HTML once for every page that shows it.
    pub html: SectionHtml,
}

/// A section's words, escaped for HTML (text and attribute values alike).
#[derive(Debug, Clone, Default)]
pub struct SectionHtml {
    pub path: String,
    pub url: String,
    pub page_title: String,
    pub title: String,
    pub snippet: String,
}

/// What a search found.
#[derive(Debug, Default)]
pub struct Answer<'a> {
    /// Best first, at most [`MAX_RESULTS`].
    pub hits: Vec<&'a Section>,
    /// A phrase of the site's own, close to the query, when a word of it is
    /// not one the site uses (so never words the reader typed, as typed).
    pub suggestion: Option<&'a str>,
    /// The query names a warning sign: the emergency card comes first.
    pub emergency: bool,
    /// The query held no word to look for (empty, or only punctuation and
    /// the smallest words).
    pub no_words: bool,
}

/// Why an index could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("building the search index: {0}")]
    Index(#[from] tantivy::TantivyError),
}

/// The phrases of a warning-words string: one a line (or between commas).
fn warning_phrases(list: &str) -> impl Iterator<Item = &str> {
    list.split(['\n', ',']).filter(|p| !p.trim().is_empty())
}

/// Problems `check` reports: a language with no warning words could never
/// put the emergency card first.
pub fn check(content: &Content, problems: &mut Problems) {
    for lang in &content.langs {
        let t = &lang.strings;
        let analyzer = Analyzer::new(&t.lang.code);
        let list = t.get("search-emergency-words");
        if !warning_phrases(list).any(|p| !analyzer.words(p).is_empty()) {
            problems.error(
                &t.file,
                t.line("search-emergency-words").unwrap_or(0),
                "search-emergency-words lists no word: a search naming a warning sign would not show the emergency card first",
            );
        }
    }
}

/// Every language's index, aligned with `Content::langs`.
pub struct SearchIndex {
    langs: Vec<LangIndex>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field(
                "sections",
                &self
                    .langs
                    .iter()
                    .map(|l| l.sections.len())
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl SearchIndex {
    /// Indexes every page of every language, one language per core.
    pub fn build(content: &Content) -> Result<SearchIndex, SearchError> {
        use rayon::prelude::*;
        let langs = content
            .langs
            .par_iter()
            .map(LangIndex::build)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(SearchIndex { langs })
    }

    /// Searches the language at `lang` (the default language if there is none).
    pub fn search(&self, lang: usize, query: &Query) -> Answer<'_> {
        match self.langs.get(lang).or_else(|| self.langs.first()) {
            Some(index) => index.search(query),
            None => Answer::default(),
        }
    }

    /// Every section of a language, in page order.
    pub fn sections(&self, lang: usize) -> &[Section] {
        self.langs.get(lang).map_or(&[], |l| &l.sections)
    }
}

/// The index's fields (see [`TITLE_BOOST`]).
#[derive(Clone, Copy)]
struct Fields {
    title: Field,
    names: Field,
    related: Field,
    text: Field,
}

impl Fields {
    /// Every field with its weight.
    fn all(self) -> [(Field, f32); 4] {
        [
            (self.title, TITLE_BOOST),
            (self.names, NAMES_BOOST),
            (self.related, RELATED_BOOST),
            (self.text, TEXT_BOOST),
        ]
    }
}

/// A section's words as its document holds them: stems between spaces.
#[derive(Default, Clone)]
struct DocText {
    title: String,
    names: String,
    related: String,
    text: String,
}

/// BM25's statistics with one rarity per word for the whole site: how many
/// sections hold the word in any part, whatever field it is found in.
/// Counted once, when the index is built.
struct SiteStatistics {
    /// Each field's total number of words.
    tokens: Vec<(Field, u64)>,
    sections: u64,
    stems: HashMap<String, StemStats>,
}

/// Where the site holds a stem.
#[derive(Debug, Default, Clone, Copy)]
struct StemStats {
    /// The number of sections that hold it.
    sections: u64,
    /// The fields that hold it, one bit each in [`Fields::all`]'s order
    /// (a query looks in those only).
    fields: u8,
}

impl Bm25StatisticsProvider for SiteStatistics {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        Ok(self
            .tokens
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(0, |(_, n)| *n))
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.sections)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        Ok(term
            .value()
            .as_str()
            .and_then(|stem| self.stems.get(stem))
            .map_or(0, |s| s.sections))
    }
}

/// A declared name of a section (heading, search word, synonym, glossary
/// phrase), to suggest when a query is close to it.
struct Phrase {
    text: String,
    words: Vec<Word>,
    /// The sections it names.
    sections: Vec<usize>,
}

struct LangIndex {
    analyzer: Analyzer,
    index: Index,
    /// Tells this index from an older one (a reload), for [`LOCAL_SEARCHERS`].
    generation: u64,
    fields: Fields,
    /// By document id: one segment, filled in this order.
    sections: Vec<Section>,
    /// Every folded word the index holds, with how many times it occurs.
    vocabulary: HashMap<String, u32>,
    statistics: SiteStatistics,
    /// The vocabulary by first letter and length, to find the words near a
    /// misspelt one.
    by_start: HashMap<(char, usize), Vec<String>>,
    phrases: Vec<Phrase>,
    /// Each stem, with the phrases that hold it (and how many times).
    phrases_with: HashMap<String, Vec<(usize, usize)>>,
    /// Each warning phrase's words: all of one phrase in a query is a warning sign.
    warnings: Vec<Vec<Word>>,
}

impl LangIndex {
    fn build(lang: &LangContent) -> Result<LangIndex, SearchError> {
        let analyzer = Analyzer::new(&lang.strings.lang.code);
        let mut schema = Schema::builder();
        // The text comes analysed already, as stems between spaces (see `Gatherer`).
        let options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("whitespace")
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let fields = Fields {
            title: schema.add_text_field("title", options.clone()),
            names: schema.add_text_field("names", options.clone()),
            related: schema.add_text_field("related", options.clone()),
            text: schema.add_text_field("text", options),
        };
        // One segment written on this thread, into memory: the whole site is
        // a few hundred short documents, and start-up counts. Documents keep
        // the order they are added in, so a document id is a place in `sections`.
        let writer = Index::builder()
            .schema(schema.build())
            .single_segment_index_writer(RamDirectory::create(), ARENA_BYTES)?;
        let mut g = Gatherer {
            reader: analyzer.reader(),
            fields,
            writer,
            sections: Vec::new(),
            vocabulary: HashMap::default(),
            stems: HashMap::default(),
            phrases: Vec::new(),
            seen_phrases: HashMap::default(),
        };
        g.add_language(lang)?;
        // One phrase a line, in each strings file.
        let t = &lang.strings;
        let warning_words = t.get("search-emergency-words");
        let warnings = warning_phrases(warning_words)
            .map(|phrase| g.reader.words(phrase))
            .filter(|w| !w.is_empty())
            .collect();
        let Gatherer {
            writer,
            sections,
            vocabulary,
            stems,
            phrases,
            ..
        } = g;
        let index = writer.finalize()?;
        let searcher = open_searcher(&index)?;
        let mut by_start: HashMap<(char, usize), Vec<String>> = HashMap::default();
        for w in vocabulary.keys() {
            if let Some(first) = w.chars().next() {
                by_start
                    .entry((first, w.chars().count()))
                    .or_default()
                    .push(w.clone());
            }
        }
        let mut tokens = Vec::new();
        for (field, _) in fields.all() {
            tokens.push((field, searcher.total_num_tokens(field)?));
        }
        let statistics = SiteStatistics {
            tokens,
            sections: sections.len() as u64,
            stems,
        };
        let mut phrases_with: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
        for (i, phrase) in phrases.iter().enumerate() {
            for w in &phrase.words {
                let list = phrases_with.entry(w.stem.clone()).or_default();
                match list.last_mut() {
                    Some((last, n)) if *last == i => *n += 1,
                    _ => list.push((i, 1)),
                }
            }
        }
        Ok(LangIndex {
            analyzer,
            index,
            generation: NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            fields,
            sections,
            vocabulary,
            statistics,
            by_start,
            phrases,
            phrases_with,
            warnings,
        })
    }

    fn search(&self, query: &Query) -> Answer<'_> {
        let mut typed = self.analyzer.words(query.as_str());
        typed.truncate(MAX_WORDS);
        if typed.is_empty() {
            return Answer {
                no_words: true,
                ..Answer::default()
            };
        }
        // Each typed word, or the site's closest words for one it does not use.
        let mut terms: Vec<(String, f32)> = Vec::new();
        let mut read_as: Vec<Word> = Vec::new();
        // The words the site does not use (misspellings?).
        let mut unknown: Vec<&Word> = Vec::new();
        // The site's words near each typed one (for "did you mean").
        let mut close: Vec<Vec<(String, usize)>> = Vec::new();
        for word in &typed {
            read_as.push(word.clone());
            if self.vocabulary.contains_key(&word.raw) {
                terms.push((word.stem.clone(), 1.0));
                close.push(Vec::new());
                continue;
            }
            unknown.push(word);
            let found = self.near(&word.raw);
            for raw in closest(&found) {
                let corrected = Word {
                    stem: self.analyzer.stem(raw),
                    raw: raw.to_string(),
                };
                terms.push((corrected.stem.clone(), CORRECTED_WEIGHT));
                read_as.push(corrected);
            }
            close.push(found);
        }
        // A warning sign named, or nearly (one typing mistake), even in words
        // the site does not use.
        let emergency = self.warnings.iter().any(|phrase| {
            phrase.iter().all(|w| {
                read_as.iter().any(|t| t.stem == w.stem || t.raw == w.raw)
                    || unknown
                        .iter()
                        .any(|t| mistakes(&t.raw, &w.raw, 1).is_some())
            })
        });
        let stems: HashSet<&str> = read_as.iter().map(|w| w.stem.as_str()).collect();
        let hits = self.best(&terms, &self.named(&stems));
        let suggestion = if close.iter().any(|c| !c.is_empty()) {
            self.suggest(typed.len(), &stems)
        } else {
            None
        };
        Answer {
            hits,
            suggestion,
            emergency,
            no_words: false,
        }
    }

    /// The site's words within the typing mistakes a typed word allows
    /// (and with its first letter), fewest mistakes first, then the most used.
    fn near(&self, typed: &str) -> Vec<(String, usize)> {
        let Some(first) = typed.chars().next() else {
            return Vec::new();
        };
        let len = typed.chars().count();
        let allowed = allowed_mistakes(len);
        let mut found = Vec::new();
        for l in len.saturating_sub(allowed)..=len + allowed {
            for w in self.by_start.get(&(first, l)).into_iter().flatten() {
                if let Some(d) = mistakes(typed, w, allowed) {
                    found.push((w.clone(), d, self.vocabulary[w]));
                }
            }
        }
        found.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        found.into_iter().map(|(w, d, _)| (w, d)).collect()
    }

    /// The best sections for these stems, each with its weight.
    /// The sections one of whose names of two words or more the search
    /// holds whole (in any order): "pierna inflamada", "se me duermen los
    /// pies", "restless legs". They come first (as a phrase field does in
    /// Lucene's edismax).
    fn named(&self, stems: &HashSet<&str>) -> Vec<usize> {
        let mut named = Vec::new();
        let mut tried = HashSet::default();
        for stem in stems {
            for &(i, _) in self.phrases_with.get(*stem).into_iter().flatten() {
                let phrase = &self.phrases[i];
                if phrase.words.len() >= 2
                    && tried.insert(i)
                    && phrase.words.iter().all(|w| stems.contains(w.stem.as_str()))
                {
                    named.extend(&phrase.sections);
                }
            }
        }
        named
    }

    fn best(&self, terms: &[(String, f32)], named: &[usize]) -> Vec<&Section> {
        // Words nearly every section holds ("leg", "pain", "night": they are
        // in every page's title) say little about which section is meant:
        // left out when the search holds a rarer word.
        let held_by = |stem: &str| self.statistics.stems.get(stem).map_or(0, |s| s.sections);
        let common = |stem: &str| held_by(stem) * COMMON_SHARE > self.statistics.sections;
        let any_rare = terms
            .iter()
            .any(|(stem, _)| held_by(stem) > 0 && !common(stem));
        let mut seen = HashSet::default();
        let terms: Vec<&(String, f32)> = terms
            .iter()
            .filter(|(stem, _)| !(any_rare && common(stem)))
            .filter(|(stem, _)| seen.insert(stem.as_str()))
            .collect();
        let scores = self.with_searcher(|searcher| self.score(searcher, &terms));
        let Ok(mut scores) = scores else {
            return Vec::new();
        };
        let top = scores.iter().copied().fold(0.0f32, f32::max);
        for &section in named {
            if let Some(score) = scores.get_mut(section)
                && *score > 0.0
            {
                *score += top;
            }
        }
        let mut ranked: Vec<(usize, f32)> = scores
            .into_iter()
            .enumerate()
            .filter(|(_, score)| *score > 0.0)
            .collect();
        // Best first; equal scores in page order.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(MAX_RESULTS)
            .filter_map(|(doc, _)| self.sections.get(doc))
            .collect()
    }

    /// Every section's BM25 score for these stems (each with its weight),
    /// summed over the fields that hold them, each field with its weight.
    ///
    /// The postings, field lengths and BM25 are tantivy's; the sum is an
    /// array of a few hundred scores. tantivy's query machinery (a boxed
    /// weight and scorer per term and field, block-max WAND, a top-k heap)
    /// is made for millions of documents, and costs several times more
    /// than the whole search here.
    fn score(&self, searcher: &Searcher, terms: &[&(String, f32)]) -> tantivy::Result<Vec<f32>> {
        let mut scores = vec![0.0f32; self.sections.len()];
        let sections = self.statistics.sections;
        for segment in searcher.segment_readers() {
            for (stem, weight) in terms {
                let held = self.statistics.stems.get(stem.as_str());
                let Some(held) = held else { continue };
                for (bit, (field, boost)) in self.fields.all().into_iter().enumerate() {
                    if held.fields & (1 << bit) == 0 {
                        continue;
                    }
                    let term = Term::from_field_text(field, stem);
                    let Some(mut postings) = segment
                        .inverted_index(field)?
                        .read_postings(&term, IndexRecordOption::WithFreqs)?
                    else {
                        continue;
                    };
                    let lengths = segment.get_fieldnorms_reader(field)?;
                    #[allow(clippy::cast_precision_loss)]
                    let average = self.statistics.total_num_tokens(field)? as f32 / sections as f32;
                    let bm25 =
                        Bm25Weight::for_one_term_without_explain(held.sections, sections, average)
                            .boost_by(boost * weight);
                    let mut doc = postings.doc();
                    while doc != TERMINATED {
                        if let Some(score) = scores.get_mut(doc as usize) {
                            *score += bm25.score(lengths.fieldnorm_id(doc), postings.term_freq());
                        }
                        doc = postings.advance();
                    }
                }
            }
        }
        Ok(scores)
    }

    /// The declared phrase closest to the words typed (`stems`: theirs and
    /// those of the site's words read for misspelt ones): every word of the
    /// phrase is there, or most, and most of what was typed is in it.
    fn suggest(&self, typed: usize, stems: &HashSet<&str>) -> Option<&str> {
        // How many words of each phrase are among the stems.
        let mut counts = vec![0usize; self.phrases.len()];
        let mut touched = Vec::new();
        for stem in stems {
            for &(i, n) in self.phrases_with.get(*stem).into_iter().flatten() {
                if counts[i] == 0 {
                    touched.push(i);
                }
                counts[i] += n;
            }
        }
        let mut best: Option<(f64, usize, &str)> = None;
        for i in touched {
            let matched = counts[i];
            let phrase = &self.phrases[i];
            #[allow(clippy::cast_precision_loss)]
            let score = (matched * matched) as f64 / (phrase.words.len() * typed) as f64;
            let better = match best {
                None => true,
                Some((s, len, text)) => {
                    score > s
                        || (score == s && (phrase.text.len(), phrase.text.as_str()) < (len, text))
                }
            };
            if score >= 0.5 && better {
                best = Some((score, phrase.text.len(), &phrase.text));
            }
        }
        best.map(|(_, _, text)| text)
    }
}

/// The closest of the words near a misspelt one: those with the fewest
/// mistakes, the most used first, at most [`MAX_CORRECTIONS`].
fn closest(near: &[(String, usize)]) -> impl Iterator<Item = &str> {
    let fewest = near.first().map(|(_, d)| *d);
    near.iter()
        .take_while(move |(_, d)| Some(*d) == fewest)
        .take(MAX_CORRECTIONS)
        .map(|(w, _)| w.as_str())
}

impl LangIndex {
    /// Runs `f` with this thread's own searcher of the index. Searchers of
    /// one reader share locks and counters that every query touches; with a
    /// searcher per worker thread the workers never wait on each other.
    fn with_searcher<R>(
        &self,
        f: impl FnOnce(&Searcher) -> tantivy::Result<R>,
    ) -> tantivy::Result<R> {
        LOCAL_SEARCHERS.with(|cell| {
            let mut local = cell.borrow_mut();
            let searcher = match local.iter().position(|(g, _)| *g == self.generation) {
                Some(i) => local[i].1.clone(),
                None => {
                    let searcher = open_searcher(&self.index)?;
                    // Forget searchers of indexes a reload replaced.
                    local.retain(|(g, _)| *g > self.generation.saturating_sub(LANGUAGES_KEPT));
                    local.push((self.generation, searcher.clone()));
                    searcher
                }
            };
            drop(local);
            f(&searcher)
        })
    }
}

/// A searcher that reads the index as it is (it never changes).
fn open_searcher(index: &Index) -> tantivy::Result<Searcher> {
    Ok(index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?
        .searcher())
}

/// Numbers each index built, so a thread can tell a reloaded one.
static NEXT_GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How many recent indexes a thread keeps a searcher for: every language of
/// the site now, with room for the previous build during a reload.
const LANGUAGES_KEPT: u64 = 8;

thread_local! {
    /// This thread's searchers, by index generation.
    static LOCAL_SEARCHERS: std::cell::RefCell<Vec<(u64, Searcher)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Writes a language's sections into its index, each read once, and
/// gathers the site's words and names on the way.
struct Gatherer<'a> {
    reader: Reader<'a>,
    fields: Fields,
    writer: SingleSegmentIndexWriter<TantivyDocument>,
    /// By document id.
    sections: Vec<Section>,
    vocabulary: HashMap<String, u32>,
    stems: HashMap<String, StemStats>,
    phrases: Vec<Phrase>,
    /// Each phrase's place in `phrases`, by its text in lower case.
    seen_phrases: HashMap<String, usize>,
}

/// Appends the stems of `words`, `times` over, to a document's text.
fn append(text: &mut String, words: &[Word], times: usize) {
    for _ in 0..times {
        for w in words {
            text.push_str(&w.stem);
            text.push(' ');
        }
    }
}

impl Gatherer<'_> {
    /// The words of a text the site shows, counted in its vocabulary.
    fn read(&mut self, text: &str) -> Vec<Word> {
        let words = self.reader.words(text);
        for w in &words {
            match self.vocabulary.get_mut(&w.raw) {
                Some(count) => *count += 1,
                None => {
                    self.vocabulary.insert(w.raw.clone(), 1);
                }
            }
        }
        words
    }

    /// A name of a section, offered as "did you mean" when close to a query.
    fn name(&mut self, name: &str, names: &mut String) {
        let words = self.read(name);
        append(names, &words, 1);
        self.phrase(name, words);
    }

    /// A name of the section about to be added (a heading or a declared name).
    fn phrase(&mut self, text: &str, words: Vec<Word>) {
        if words.is_empty() {
            return;
        }
        let section = self.sections.len();
        match self.seen_phrases.get(&text.to_lowercase()) {
            Some(&i) => self.phrases[i].sections.push(section),
            None => {
                self.seen_phrases
                    .insert(text.to_lowercase(), self.phrases.len());
                self.phrases.push(Phrase {
                    text: text.to_string(),
                    words,
                    sections: vec![section],
                });
            }
        }
    }

    fn add(&mut self, section: Section, text: &DocText) -> Result<(), SearchError> {
        let mut doc = TantivyDocument::default();
        doc.add_text(self.fields.title, &text.title);
        doc.add_text(self.fields.names, &text.names);
        doc.add_text(self.fields.related, &text.related);
        doc.add_text(self.fields.text, &text.text);
        // Which fields of this section hold each stem (bits as in `Fields::all`).
        let mut held: HashMap<&str, u8> = HashMap::default();
        let parts = [&text.title, &text.names, &text.related, &text.text];
        for (bit, part) in parts.into_iter().enumerate() {
            for stem in part.split_whitespace() {
                *held.entry(stem).or_default() |= 1 << bit;
            }
        }
        for (stem, fields) in held {
            let stats = match self.stems.get_mut(stem) {
                Some(stats) => stats,
                None => self.stems.entry(stem.to_string()).or_default(),
            };
            stats.sections += 1;
            stats.fields |= fields;
        }
        self.writer.add_document(doc)?;
        self.sections.push(section);
        Ok(())
    }

    /// Every section of every page of a language, with what finds it.
    fn add_language(&mut self, lang: &LangContent) -> Result<(), SearchError> {
        let glossary_page = lang.pages.iter().find(|p| !p.front.glossary.is_empty());
        // Glossary terms, as stems, with the search words declared for them.
        let mut terms: Vec<(Vec<Vec<String>>, String)> = Vec::new();
        if let Some(g) = glossary_page {
            for (id, words) in &g.front.search_words {
                let Some(phrases) = lang.glossary.get(id) else {
                    continue;
                };
                let phrases = phrases
                    .iter()
                    .map(|p| stems(&self.reader.words(p)))
                    .filter(|p| !p.is_empty())
                    .collect();
                let mut related = String::new();
                for w in words {
                    append(&mut related, &self.reader.words(w), 1);
                }
                terms.push((phrases, related));
            }
        }
        for page in &lang.pages {
            let is_glossary = glossary_page.is_some_and(|g| std::ptr::eq(g, page));
            let mut page_text = DocText::default();
            let page_words = self.read(&format!("{} {}", page.front.title, page.nav_title()));
            append(&mut page_text.text, &page_words, 1);
            let names = |id: &str| {
                page.front
                    .search_words
                    .get(id)
                    .into_iter()
                    .chain(page.front.synonyms.get(id))
                    .chain(is_glossary.then(|| lang.glossary.get(id)).flatten())
                    .flatten()
            };
            // The top of the page: its title, description and first words.
            let top = join_text(&page.front.description, &page.body.intro);
            let mut text = page_text.clone();
            let title = self.read(&page.front.title);
            append(&mut text.title, &title, 1);
            for name in names("main-content") {
                self.name(name, &mut text.names);
            }
            let body = self.read(&top);
            append(&mut text.text, &body, 1);
            self.add(
                section(lang, page, "main-content", &page.front.title, &top),
                &text,
            )?;
            // Each heading, with the text under it.
            for passage in &page.body.passages {
                let mut text = page_text.clone();
                let title = self.read(&passage.title);
                append(&mut text.title, &title, 1);
                for name in names(&passage.id) {
                    self.name(name, &mut text.names);
                }
                let body = self.read(&passage.text);
                append(&mut text.text, &body, 1);
                if !is_glossary {
                    let own = stems(&[title.as_slice(), body.as_slice()].concat());
                    for (phrases, related) in &terms {
                        if phrases.iter().any(|p| contains_run(&own, p)) {
                            text.related.push_str(related);
                        }
                    }
                }
                self.phrase(&passage.title, title);
                self.add(
                    section(lang, page, &passage.id, &passage.title, &passage.text),
                    &text,
                )?;
            }
        }
        Ok(())
    }
}

fn join_text(a: &str, b: &str) -> String {
    if b.is_empty() {
        a.to_string()
    } else {
        format!("{a} {b}")
    }
}

fn stems(words: &[Word]) -> Vec<String> {
    words.iter().map(|w| w.stem.clone()).collect()
}

/// Whether `run` occurs in `text`, word after word.
fn contains_run(text: &[String], run: &[String]) -> bool {
    !run.is_empty() && text.windows(run.len()).any(|w| w == run)
}

fn section(lang: &LangContent, page: &Page, anchor: &str, title: &str, text: &str) -> Section {
    let text = if text.trim().is_empty() {
        page.front.description.as_str()
    } else {
        text
    };
    let path = format!("{}#{anchor}", page.path);
    let url = format!("{}#{anchor}", lang.strings.lang.url(&page.path));
    let snippet = snippet(text);
    Section {
        html: SectionHtml {
            path: escape(&path),
            url: escape(&url),
            page_title: escape(&page.front.title),
            title: escape(title),
            snippet: escape(&snippet),
        },
        path,
        url,
        page_title: page.front.title.clone(),
        title: title.to_string(),
        snippet,
        page_top: anchor == "main-content",
    }
}

/// The start of `text`, about [`SNIPPET_CHARS`] long, cut after a word.
pub fn snippet(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= SNIPPET_CHARS {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = head
        .rfind(' ')
        .map_or(head, |space| &head[..space])
        .trim_end_matches([',', ';', ':', '.', '(', ' ']);
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_capped_collapsed_and_free_of_control_characters() {
        assert_eq!(
            Query::new("  restless \t\n legs\u{0}x ").as_str(),
            "restless legs x"
        );
        let long = Query::new(&"á".repeat(500));
        assert_eq!(long.as_str().chars().count(), MAX_QUERY_CHARS);
        assert!(Query::new(" \u{7} ").is_empty());
        assert_eq!(
            Query::from_query_string("lang=es&q=ci%C3%A1tica+dolor&q=other").as_str(),
            "ciática dolor"
        );
        assert!(Query::from_query_string("q=%FF%FE").as_str().len() <= 12);
        assert!(Query::from_query_string("").is_empty());
    }

    #[test]
    fn snippets_are_cut_after_a_word() {
        let text = "word ".repeat(100);
        let s = snippet(&text);
        assert!(s.ends_with("word…"), "{s}");
        assert!(s.chars().count() <= SNIPPET_CHARS + 1);
        assert_eq!(snippet("Short."), "Short.");
    }

    #[test]
    fn every_heading_of_every_page_is_a_section_linked_in_its_language() {
        let settings = crate::settings::RawSettings::default().validate().unwrap();
        let (content, problems) = crate::startup::load(
            &settings,
            crate::startup::today(),
            crate::problem::Level::Warning,
        );
        assert!(!problems.has_errors(), "{problems:?}");
        let index = SearchIndex::build(&content).unwrap();
        for (i, lang) in content.langs.iter().enumerate() {
            let sections = index.sections(i);
            let expected: usize = lang.pages.iter().map(|p| 1 + p.body.passages.len()).sum();
            assert_eq!(sections.len(), expected, "{}", lang.strings.lang.code);
            for s in sections {
                let (path, anchor) = s.path.split_once('#').unwrap();
                let page = lang.page(path).unwrap();
                assert!(page.has_anchor(anchor), "{}", s.path);
                assert_eq!(
                    s.url,
                    crate::site::symptom::link_in(&lang.strings.lang, &s.path)
                );
                assert!(!s.snippet.is_empty() && !s.title.is_empty(), "{}", s.path);
            }
        }
    }

    #[test]
    fn a_run_of_words_is_found_in_order() {
        let text: Vec<String> = ["take", "acetaminophen", "now"].map(String::from).to_vec();
        assert!(contains_run(&text, &["acetaminophen".to_string()]));
        assert!(!contains_run(
            &text,
            &["now".to_string(), "take".to_string()]
        ));
        assert!(!contains_run(&text, &[]));
    }
}
