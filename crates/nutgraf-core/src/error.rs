//! The core library's error type.

use thiserror::Error;

/// What can go wrong while summarizing one document.
///
/// Matchable, so the CLI can map kinds to exit codes and a server to HTTP
/// statuses.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The document has no text, or only white space.
    #[error("the article is empty")]
    EmptyDocument,
    /// The text holds no letter or digit: punctuation and symbols only.
    #[error("the article has no words (only punctuation or symbols)")]
    NoWords,
    /// The text holds a NUL byte or mostly control characters: not an article.
    #[error("the article looks like binary data (control byte 0x{byte:02x} at byte {offset})")]
    Binary {
        /// Byte offset of the first offending byte.
        offset: usize,
        /// The offending byte.
        byte: u8,
    },
    /// A JSON record is malformed or lacks its article (the message names
    /// the field).
    #[error("{0}")]
    Record(String),
    /// An HTML page holds no article text.
    #[error("no article text in the page ({0})")]
    NoArticle(Box<Error>),
    /// A scoring model could not be loaded.
    #[error("invalid model: {0}")]
    Model(String),
    /// A pipeline setting is out of range.
    #[error("invalid configuration: {0}")]
    Config(String),
}
