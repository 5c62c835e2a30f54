//! Gradient-boosted decision trees: a small, deterministic implementation
//! for sentence scoring, quote confidence and speaker choice.
//!
//! Why our own: the model is a core part of nutgraf, it has to run in well
//! under a microsecond per sentence, load from a small JSON file that we
//! version with the code, and train reproducibly in seconds. This module
//! holds the model and its prediction; fitting (second-order boosting with
//! logistic loss, no sampling, so the same data always gives the same
//! model) lives in the `nutgraf-train` crate, since serving never fits.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// One tree, stored as parallel arrays; node 0 is the root. An internal node
/// sends `x[feature[i]] <= threshold[i]` to `left[i]`, else to `right[i]`,
/// and `right[i] == left[i] + 1` always (children are adjacent, which lets
/// prediction pick a child without a branch); a leaf has `left[i] == 0` and
/// its output in `value[i]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tree {
    /// Feature index tested at each node.
    #[serde(rename = "f")]
    pub feature: Vec<u16>,
    /// Threshold at each node.
    #[serde(rename = "t")]
    pub threshold: Vec<f32>,
    /// Left child (0 for a leaf).
    #[serde(rename = "l")]
    pub left: Vec<u32>,
    /// Right child (0 for a leaf).
    #[serde(rename = "r")]
    pub right: Vec<u32>,
    /// Leaf output (0 for internal nodes).
    #[serde(rename = "v")]
    pub value: Vec<f32>,
}

impl Tree {
    /// The tree's output for `x`.
    #[inline]
    pub fn predict(&self, x: &[f32]) -> f32 {
        let mut i = 0usize;
        while self.left[i] != 0 {
            let v = x.get(self.feature[i] as usize).copied().unwrap_or(0.0);
            i = if v <= self.threshold[i] {
                self.left[i]
            } else {
                self.right[i]
            } as usize;
        }
        self.value[i]
    }

    fn is_valid(&self, features: usize) -> bool {
        let n = self.feature.len();
        n > 0
            && [
                self.threshold.len(),
                self.left.len(),
                self.right.len(),
                self.value.len(),
            ]
            .iter()
            .all(|&l| l == n)
            && (0..n).all(|i| {
                let (l, r) = (self.left[i] as usize, self.right[i] as usize);
                (l == 0 && r == 0)
                    || (l > i && r == l + 1 && r < n && (self.feature[i] as usize) < features)
            })
    }
}

/// Rows [`CompiledGbdt::predict_rows`] walks down a tree together.
const BLOCK: usize = 8;

/// Rows per chunk in [`CompiledGbdt::predict_rows`]: 256 rows of 43
/// features are 44 KB, inside a core's L2 cache.
const CHUNK: usize = 256;

/// Deepest tree [`CompiledGbdt`] lays out (2^16 leaves a tree).
const MAX_COMPILED_DEPTH: usize = 16;

/// A validated model compiled for fast prediction. Every tree is padded to
/// a complete tree of the model's greatest depth (a shallow leaf becomes a
/// split whose two sides hold its value), stored breadth first, so that a
/// row walks exactly `depth` levels with no branch on where it ends: node
/// `i`'s children are `2i + 1` and `2i + 2`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompiledGbdt {
    base: f32,
    features: usize,
    depth: usize,
    trees: usize,
    /// Per tree, its `2^depth - 1` inner nodes' feature and threshold, side
    /// by side: a step down a tree reads one 8-byte pair.
    node: Vec<(u32, f32)>,
    /// Per tree, its `2^depth` leaves.
    leaf: Vec<f32>,
}

impl CompiledGbdt {
    /// Compiles a model; fails if it is malformed or deeper than 16.
    pub fn new(model: &Gbdt) -> Result<CompiledGbdt, String> {
        model.validate()?;
        // Children come after their parent (validated), so one pass in
        // index order gives every node's depth.
        let mut depth = 0usize;
        for t in &model.trees {
            let mut d = vec![0usize; t.left.len()];
            for i in 0..t.left.len() {
                if t.left[i] != 0 {
                    let (l, r) = (t.left[i] as usize, t.right[i] as usize);
                    d[l] = d[i] + 1;
                    d[r] = d[i] + 1;
                    depth = depth.max(d[i] + 1);
                }
            }
        }
        if depth > MAX_COMPILED_DEPTH {
            return Err(format!(
                "trees {depth} deep: at most {MAX_COMPILED_DEPTH} can be compiled"
            ));
        }
        let inner = (1usize << depth) - 1;
        let leaves = 1usize << depth;
        let mut c = CompiledGbdt {
            base: model.base,
            features: model.features.len(),
            depth,
            trees: model.trees.len(),
            node: vec![(0, f32::INFINITY); inner * model.trees.len()],
            leaf: vec![0.0; leaves * model.trees.len()],
        };
        for (ti, t) in model.trees.iter().enumerate() {
            // (node in the model's tree, position in the complete tree).
            let mut stack = vec![(0usize, 0usize)];
            while let Some((i, pos)) = stack.pop() {
                if pos >= inner {
                    c.leaf[ti * leaves + pos - inner] = t.value[i];
                } else if t.left[i] == 0 {
                    // A leaf above the last level: both sides hold it (the
                    // infinite threshold sends every row left anyway).
                    stack.push((i, 2 * pos + 1));
                    stack.push((i, 2 * pos + 2));
                } else {
                    c.node[ti * inner + pos] = (u32::from(t.feature[i]), t.threshold[i]);
                    stack.push((t.left[i] as usize, 2 * pos + 1));
                    stack.push((t.right[i] as usize, 2 * pos + 2));
                }
            }
        }
        Ok(c)
    }

    /// Number of features each row must have.
    pub fn features(&self) -> usize {
        self.features
    }

    /// Log-odds for each row; rows shorter than [`CompiledGbdt::features`]
    /// read missing values as 0. Rows go in chunks of `CHUNK` (a few dozen
    /// KB, so a chunk stays in cache while every tree walks it) and, within
    /// a chunk, trees are the outer loop so each tree's nodes stay in cache
    /// too. A long input's rows are read once per chunk, not once per tree
    /// (a 64 MB paragraph has about a hundred MB of rows). Each row's trees
    /// are added in order, so the sums equal the uncompiled model's walk,
    /// tree by tree.
    pub fn predict_rows<const N: usize>(&self, rows: &[[f32; N]]) -> Vec<f32> {
        let mut out = vec![self.base; rows.len()];
        if N < self.features {
            return out;
        }
        for (o, r) in out.chunks_mut(CHUNK).zip(rows.chunks(CHUNK)) {
            self.add_trees(o, r);
        }
        out
    }

    /// Adds every tree's leaf value for each row of `rows` to `out`.
    fn add_trees<const N: usize>(&self, out: &mut [f32], rows: &[[f32; N]]) {
        let inner = (1usize << self.depth) - 1;
        let leaves = inner + 1;
        for t in 0..self.trees {
            let node = &self.node[t * inner..(t + 1) * inner];
            let leaf = &self.leaf[t * leaves..(t + 1) * leaves];
            // Rows walk in blocks of `BLOCK`, level by level, so the walks'
            // dependent loads overlap instead of waiting on each other.
            let mut blocks = out.chunks_exact_mut(BLOCK).zip(rows.chunks_exact(BLOCK));
            for (o, block) in &mut blocks {
                let mut at = [0usize; BLOCK];
                for _ in 0..self.depth {
                    for (i, row) in at.iter_mut().zip(block) {
                        let (f, threshold) = node[*i];
                        let go_right = row[f as usize] > threshold;
                        *i = 2 * *i + 1 + usize::from(go_right);
                    }
                }
                for (o, i) in o.iter_mut().zip(at) {
                    *o += leaf[i - inner];
                }
            }
            let done = rows.len() - rows.len() % BLOCK;
            for (o, row) in out[done..].iter_mut().zip(&rows[done..]) {
                let mut i = 0usize;
                for _ in 0..self.depth {
                    let (f, threshold) = node[i];
                    let go_right = row[f as usize] > threshold;
                    i = 2 * i + 1 + usize::from(go_right);
                }
                *o += leaf[i - inner];
            }
        }
    }
}

/// `model` compiled for prediction: `builtin`'s compiled form when `model`
/// is that very model (compiled once, at first use), else compiled now (a
/// model being trained or read from a file). `None` if it is malformed.
pub fn compiled<'a>(
    model: &Gbdt,
    builtin: Option<(&Gbdt, &'a CompiledGbdt)>,
) -> Option<Cow<'a, CompiledGbdt>> {
    match builtin {
        Some((b, c)) if std::ptr::eq(b, model) => Some(Cow::Borrowed(c)),
        _ => CompiledGbdt::new(model).ok().map(Cow::Owned),
    }
}

/// A boosted ensemble of trees over named features.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Gbdt {
    /// Names of the features, in the order of the input vector.
    pub features: Vec<String>,
    /// Initial log-odds.
    pub base: f32,
    /// The trees.
    pub trees: Vec<Tree>,
}

impl Gbdt {
    /// The model's log-odds for `x`.
    pub fn predict(&self, x: &[f32]) -> f32 {
        self.base + self.trees.iter().map(|t| t.predict(x)).sum::<f32>()
    }

    /// Checks that every tree is well formed for this feature count, so that
    /// prediction can never index out of bounds or loop.
    pub fn validate(&self) -> Result<(), String> {
        match self
            .trees
            .iter()
            .position(|t| !t.is_valid(self.features.len()))
        {
            Some(i) => Err(format!("tree {i} is malformed")),
            None => Ok(()),
        }
    }
}

/// Parses a model's JSON and checks that it is well formed for rows of
/// `features` values: what every built-in model is loaded through.
pub fn parse_model(json: &str, features: usize) -> Result<Gbdt, String> {
    let model: Gbdt = serde_json::from_str(json).map_err(|e| e.to_string())?;
    model.validate()?;
    if model.features.len() != features {
        return Err(format!(
            "the model has {} features, {features} expected",
            model.features.len()
        ));
    }
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shallow_leaf_beside_a_deep_branch_predicts_as_uncompiled() {
        // Root splits on a; its left child is a leaf, its right child splits
        // on b twice more: the compiled form pads the left side.
        let m = Gbdt {
            features: vec!["a".into(), "b".into()],
            base: 0.25,
            trees: vec![Tree {
                feature: vec![0, 0, 1, 0, 1, 0, 0],
                threshold: vec![0.5, 0.0, 0.3, 0.0, 0.7, 0.0, 0.0],
                left: vec![1, 0, 3, 0, 5, 0, 0],
                right: vec![2, 0, 4, 0, 6, 0, 0],
                value: vec![0.0, -2.0, 0.0, 1.0, 0.0, 3.0, 5.0],
            }],
        };
        m.validate().unwrap();
        let rows = [
            [0.1f32, 0.9],
            [0.9, 0.1],
            [0.9, 0.5],
            [0.9, 0.9],
            [0.5, 0.3],
        ];
        let c = CompiledGbdt::new(&m).unwrap();
        let fast = c.predict_rows(&rows);
        for (row, f) in rows.iter().zip(&fast) {
            assert_eq!(m.predict(row), *f, "{row:?}");
        }
        assert_eq!(fast, vec![-1.75, 1.25, 3.25, 5.25, -1.75]);
    }

    #[test]
    fn rows_in_blocks_and_the_rest_predict_as_uncompiled() {
        // Two trees of unequal depth; two whole chunks of rows, then a
        // chunk of two blocks of 8 and 5 rows more.
        let m = Gbdt {
            features: vec!["a".into(), "b".into()],
            base: -0.5,
            trees: vec![
                Tree {
                    feature: vec![0, 0, 1, 0, 0],
                    threshold: vec![0.5, 0.0, 0.25, 0.0, 0.0],
                    left: vec![1, 0, 3, 0, 0],
                    right: vec![2, 0, 4, 0, 0],
                    value: vec![0.0, -1.0, 0.0, 0.5, 2.0],
                },
                Tree {
                    feature: vec![1, 0, 0],
                    threshold: vec![0.75, 0.0, 0.0],
                    left: vec![1, 0, 0],
                    right: vec![2, 0, 0],
                    value: vec![0.0, 0.125, -0.25],
                },
            ],
        };
        m.validate().unwrap();
        let rows: Vec<[f32; 2]> = (0..2 * CHUNK + 21)
            .map(|i| [(i % 7) as f32 / 6.0, (i % 5) as f32 / 4.0])
            .collect();
        let fast = CompiledGbdt::new(&m).unwrap().predict_rows(&rows);
        assert_eq!(fast.len(), rows.len());
        for (row, f) in rows.iter().zip(&fast) {
            assert_eq!(m.predict(row), *f, "{row:?}");
        }
    }

    #[test]
    fn malformed_trees_are_rejected() {
        let bad = Gbdt {
            features: vec!["a".into()],
            base: 0.0,
            trees: vec![Tree {
                feature: vec![0],
                threshold: vec![0.0],
                left: vec![0],
                right: vec![5],
                value: vec![0.0],
            }],
        };
        assert!(bad.validate().is_err());
        let shared_child = Gbdt {
            features: vec!["a".into()],
            base: 0.0,
            trees: vec![Tree {
                feature: vec![0, 0],
                threshold: vec![0.0, 0.0],
                left: vec![1, 0],
                right: vec![1, 0],
                value: vec![0.0, 1.0],
            }],
        };
        assert!(
            shared_child.validate().is_err(),
            "children must be adjacent"
        );
        let good = Gbdt {
            features: vec!["a".into()],
            base: 0.5,
            trees: vec![Tree {
                feature: vec![0, 0, 0],
                threshold: vec![1.0, 0.0, 0.0],
                left: vec![1, 0, 0],
                right: vec![2, 0, 0],
                value: vec![0.0, -1.0, 1.0],
            }],
        };
        good.validate().unwrap();
        assert_eq!(good.predict(&[3.0]), 1.5);
        assert_eq!(
            CompiledGbdt::new(&good)
                .unwrap()
                .predict_rows(&[[3.0], [0.5]]),
            vec![1.5, -0.5]
        );
    }
}
