//! nutgraf-core: grounded key points from news articles.
//!
//! The pipeline runs five stages, each a small trait in its own module:
//!
//! 1. [`segment`]: paragraphs and sentences as byte spans into the input,
//!    with datelines, bylines and page furniture set aside.
//! 2. [`analyze`]: words, stop words and Porter stems.
//! 3. [`score`]: a score per sentence.
//! 4. [`select`]: three or four key points, without repeats, in article order.
//! 5. [`compress`]: each point is its sentence with the learned cuts made.
//! 6. [`headline`]: the title, the text's own headline line, or one made
//!    from the lead.
//! 7. [`render`]: text, Markdown or JSON.
//!
//! Every key point carries the byte ranges its words were cut from
//! (`spans`): the words of its text are exactly the words of those slices.
//! `start..end` is the whole source sentence.
//!
//! ```
//! use nutgraf_core::{Document, Pipeline};
//!
//! let doc = Document::new(
//!     "The city council approved a new budget on Tuesday. The plan adds two \
//!      libraries and a bus line. Critics said the tax rise was too steep. \
//!      The mayor will sign it next week. A vote on parks follows in May.",
//! )
//! .with_title("Council passes budget");
//! let summary = Pipeline::default().summarize(&doc).unwrap();
//! assert_eq!(summary.headline, "Council passes budget");
//! assert!((3..=4).contains(&summary.key_points.len()));
//! for p in &summary.key_points {
//!     assert!(nutgraf_core::span::same_words(&doc.text, &p.spans, &p.text));
//! }
//!
//! // Without a title, a headline is made from the article's own words.
//! let untitled = Document::new(doc.text.clone());
//! let s = Pipeline::default().summarize(&untitled).unwrap();
//! assert_eq!(s.headline_source, nutgraf_core::HeadlineSource::Generated);
//! assert!(nutgraf_core::span::same_words(&untitled.text, &s.headline_spans, &s.headline));
//! ```
#![deny(missing_docs)]

pub mod analyze;
pub mod compress;
pub mod document;
pub mod error;
pub mod headline;
pub mod ingest;
pub mod language;
pub mod pipeline;
pub mod quotes;
pub mod render;
pub mod score;
pub mod segment;
pub mod select;
pub mod span;
pub mod summary;

pub use document::Document;
pub use error::Error;
pub use pipeline::{Input, Pipeline, PipelineBuilder, PipelineConfig, Summarized};
pub use span::Span;
pub use summary::{DocStats, GivenPoint, HeadlineSource, KeyPoint, Summary};
