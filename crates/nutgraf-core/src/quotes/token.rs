//! The quote stage's tokens: what the tokenizer ([`super::scan`]) makes and
//! the cue lexicon ([`super::lexicon`]) reads, kept apart from both so that
//! neither depends on the other's module.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters and digits, with inner apostrophes, hyphens and dots.
    Word,
    /// A double quotation mark or guillemet.
    Quote,
    /// Any other punctuation character (or `--`).
    Punct,
}

/// A token: byte span and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// The word's class in the cue lexicon, looked up once here
    /// ([`super::lexicon::word_class`]); 0 for other tokens.
    pub class: u8,
    /// In a paragraph written in Title Case (a headline), where capitalized
    /// verbs of saying count as cues (`Christie Calls Clinton ...`); set
    /// while the paragraph's attributions are read.
    pub title_case: bool,
}

impl Tok {
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn len_bytes(&self) -> usize {
        self.end - self.start
    }
}

/// True when `w` starts with an uppercase letter.
pub fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}
