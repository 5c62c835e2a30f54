#![allow(missing_docs, clippy::print_stdout)]
use nutgraf_core::segment::{NewsSegmenter, Segmenter};
use nutgraf_core::Document;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(format!("{dir}/text")).unwrap().flatten().map(|e| e.path()).collect();
    names.sort();
    for p in names {
        let text = std::fs::read_to_string(&p).unwrap();
        let doc = Document::new(text);
        let seg = NewsSegmenter::default().segment(&doc);
        let qs = nutgraf_core::quotes::extract(&seg);
        let id = p.file_stem().unwrap().to_string_lossy().to_string();
        println!("{}", serde_json::json!({"id": id, "offset_unit": "byte", "quotes": qs}));
    }
}
