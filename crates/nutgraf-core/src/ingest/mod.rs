//! Stage 0: turn what the user gave us into a [`Document`].
//!
//! Plain text needs nothing: the text is the document. An HTML page goes
//! through [`html::from_html`], which finds the article body and its title;
//! the document's text is then the *extracted* text, and every offset of
//! the summary points into it (the JSON output carries that text, so the
//! offsets always slice back).
//!
//! [`Document`]: crate::Document

pub mod boilerplate;
pub mod html;
pub mod meta;
pub mod record;
pub mod title;

pub use boilerplate::HtmlRules;
pub use html::{from_html, from_html_with, looks_like_html};
