//! One type for every problem found in content, strings or settings files:
//! printed as `file:line: message`, so an editor can jump to it.

use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Worth knowing now (a review falls due soon); `check` still passes.
    Warning,
    /// The site cannot be published like this; `check` fails.
    Error,
}

/// A problem at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem is with the whole file or folder.
    pub line: usize,
    pub message: String,
    pub level: Level,
    /// A file or folder the site cannot be read from at all (missing,
    /// unreadable, no strings for the reference language): nothing else is
    /// checked after it, and every command stops with exit code 2.
    pub fatal: bool,
}

impl Problem {
    /// An error at `file:line`.
    pub fn error(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line,
            message: message.into(),
            level: Level::Error,
            fatal: false,
        }
    }

    /// A file or folder that cannot be read at all, at line 0.
    pub fn fatal(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            fatal: true,
            ..Self::error(file, 0, message)
        }
    }

    /// A warning at `file:line`.
    pub fn warning(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Self {
            level: Level::Warning,
            ..Self::error(file, line, message)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.level {
            Level::Warning => "warning: ",
            Level::Error => "",
        };
        write!(f, "{}:{}: {prefix}{}", self.file, self.line, self.message)
    }
}

/// Every problem found, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    pub fn error(&mut self, file: impl Into<String>, line: usize, message: impl Into<String>) {
        self.push(Problem::error(file, line, message));
    }

    pub fn warning(&mut self, file: impl Into<String>, line: usize, message: impl Into<String>) {
        self.push(Problem::warning(file, line, message));
    }

    /// A file or folder that cannot be read at all.
    pub fn fatal(&mut self, file: impl Into<String>, message: impl Into<String>) {
        self.push(Problem::fatal(file, message));
    }

    /// Only the files and folders that cannot be read, if there are any: the
    /// problems that follow from them (pages missing, strings missing) would
    /// only bury the one line that says what to fix.
    pub fn fatal_only(&self) -> Option<Problems> {
        let fatal: Vec<Problem> = self.0.iter().filter(|p| p.fatal).cloned().collect();
        (!fatal.is_empty()).then_some(Problems(fatal))
    }

    pub fn extend(&mut self, other: Problems) {
        self.0.extend(other.0);
    }

    /// Whether any problem stops the site from being published.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|p| p.level == Level::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.level == Level::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.level == Level::Warning)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// The 1-based line of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    1 + text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_print_as_file_line_message() {
        let p = Problem::error("content/en/causes.md", 12, "bad");
        assert_eq!(p.to_string(), "content/en/causes.md:12: bad");
        let w = Problem::warning("content/en/causes.md", 3, "soon");
        assert_eq!(w.to_string(), "content/en/causes.md:3: warning: soon");
    }

    #[test]
    fn warnings_alone_are_not_errors() {
        let mut problems = Problems::default();
        problems.warning("a", 1, "x");
        assert!(!problems.has_errors());
        problems.error("a", 2, "y");
        assert!(problems.has_errors());
        assert_eq!(problems.errors().count(), 1);
    }

    #[test]
    fn lines_count_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
