//! Every error the site can answer with, named once: its status and the
//! string ids of its page. The web layer maps its errors to these.

/// A kind of error page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    NotFound,
    /// A page that can only be read.
    ReadOnly,
    /// The check's address, sent something but a form or a read.
    FormOnly,
    /// The API's address, sent something but a POST.
    ApiOnly,
    TooLarge,
    /// A body that is not a form (or is compressed).
    NotAForm,
    /// A body that is not JSON (or is compressed).
    NotJson,
    /// A body that did not arrive in full.
    Unreadable,
    /// A body sent without its length (`Transfer-Encoding`), which the site does not read.
    LengthRequired,
    /// A body or head that came too slowly.
    Timeout,
    UriTooLong,
    HeadersTooLarge,
    Internal,
    /// `/connect` with no code system, or one the site does not read.
    CodeSystem,
    /// `/connect` with no code, or one that is not shaped like a code of its system.
    CodeMalformed,
    /// `/connect` with a code no page explains.
    CodeNotFound,
    /// `/connect` asked for a response type the site does not give.
    ResponseType,
    /// One client sent more requests than `--rate-limit` allows.
    TooManyRequests,
    /// `If-Match` named no current representation (RFC 9110 §13.1.1).
    PreconditionFailed,
    /// `Expect` asked for something other than `100-continue` (RFC 9110 §10.1.1).
    ExpectationFailed,
}

impl ErrorKind {
    pub const ALL: &'static [ErrorKind] = &[
        Self::NotFound,
        Self::ReadOnly,
        Self::FormOnly,
        Self::ApiOnly,
        Self::TooLarge,
        Self::NotAForm,
        Self::NotJson,
        Self::Unreadable,
        Self::LengthRequired,
        Self::Timeout,
        Self::UriTooLong,
        Self::HeadersTooLarge,
        Self::Internal,
        Self::CodeSystem,
        Self::CodeMalformed,
        Self::CodeNotFound,
        Self::ResponseType,
        Self::TooManyRequests,
        Self::PreconditionFailed,
        Self::ExpectationFailed,
    ];

    /// The errors the JSON API can answer with: each has a message for
    /// programs as well as the page's message for people.
    pub const API: &'static [ErrorKind] = &[
        Self::NotFound,
        Self::ApiOnly,
        Self::TooLarge,
        Self::NotJson,
        Self::Unreadable,
        Self::LengthRequired,
        Self::Timeout,
        Self::UriTooLong,
        Self::HeadersTooLarge,
        Self::Internal,
        Self::TooManyRequests,
        Self::PreconditionFailed,
        Self::ExpectationFailed,
    ];

    /// The HTTP status.
    pub fn status(self) -> u16 {
        match self {
            Self::NotFound | Self::CodeNotFound => 404,
            Self::ReadOnly | Self::FormOnly | Self::ApiOnly => 405,
            Self::TooLarge => 413,
            Self::NotAForm | Self::NotJson => 415,
            Self::Unreadable | Self::CodeSystem | Self::CodeMalformed => 400,
            Self::ResponseType => 406,
            Self::Timeout => 408,
            Self::LengthRequired => 411,
            Self::UriTooLong => 414,
            Self::HeadersTooLarge => 431,
            Self::Internal => 500,
            Self::TooManyRequests => 429,
            Self::PreconditionFailed => 412,
            Self::ExpectationFailed => 417,
        }
    }

    /// The part of its string ids: `error-<id>-heading`, `error-<id>-message`.
    pub fn id(self) -> &'static str {
        match self {
            Self::NotFound => "not-found",
            Self::ReadOnly => "read-only",
            Self::FormOnly => "form-only",
            Self::ApiOnly => "api-only",
            Self::TooLarge => "too-large",
            Self::NotAForm => "not-a-form",
            Self::NotJson => "not-json",
            Self::Unreadable => "unreadable",
            Self::LengthRequired => "length-required",
            Self::Timeout => "timeout",
            Self::UriTooLong => "uri-too-long",
            Self::HeadersTooLarge => "headers-too-large",
            Self::Internal => "internal",
            Self::CodeSystem => "code-system",
            Self::CodeMalformed => "code-malformed",
            Self::CodeNotFound => "code-not-found",
            Self::ResponseType => "response-type",
            Self::TooManyRequests => "too-many-requests",
            Self::PreconditionFailed => "precondition-failed",
            Self::ExpectationFailed => "expectation-failed",
        }
    }

    pub fn heading_id(self) -> String {
        crate::ids::error_heading(self.id())
    }

    pub fn message_id(self) -> String {
        crate::ids::error_message(self.id())
    }

    /// The message for programs, in the JSON API's errors.
    pub fn program_message_id(self) -> String {
        crate::ids::error_json(self.id())
    }
}
