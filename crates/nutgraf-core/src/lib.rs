//! nutgraf-core: grounded key points from news articles.
#![deny(missing_docs)]

pub mod analyze;
pub mod document;
pub mod eval;
pub mod segment;
pub mod span;

pub use document::Document;
pub use span::Span;
