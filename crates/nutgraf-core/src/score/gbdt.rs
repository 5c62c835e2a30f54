//! Gradient-boosted decision trees: a small, deterministic implementation
//! for sentence scoring.
//!
//! Why our own: the model is a core part of nutgraf, it has to run in well
//! under a microsecond per sentence, load from a small JSON file that we
//! version with the code, and train reproducibly in seconds. The algorithm is
//! the standard second-order one (as in XGBoost and LightGBM): logistic loss,
//! features cut into at most 64 quantile bins, trees grown level by level to
//! a fixed depth, each split chosen by the gain
//! `G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)`, leaves set to `−G/(H+λ)`
//! times the learning rate. No sampling, so the same data always gives the
//! same model.

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
    /// Per tree, its `2^depth - 1` inner nodes' features and thresholds.
    feature: Vec<u32>,
    threshold: Vec<f32>,
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
            feature: vec![0; inner * model.trees.len()],
            threshold: vec![f32::INFINITY; inner * model.trees.len()],
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
                    c.feature[ti * inner + pos] = u32::from(t.feature[i]);
                    c.threshold[ti * inner + pos] = t.threshold[i];
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
    /// read missing values as 0. Trees are the outer loop so each tree's
    /// nodes stay in cache while every row walks it; trees are added in
    /// order, so the sums equal the uncompiled model's walk, tree by tree.
    pub fn predict_rows<const N: usize>(&self, rows: &[[f32; N]]) -> Vec<f32> {
        let mut out = vec![self.base; rows.len()];
        if N < self.features {
            return out;
        }
        let inner = (1usize << self.depth) - 1;
        let leaves = inner + 1;
        for t in 0..self.trees {
            let feature = &self.feature[t * inner..(t + 1) * inner];
            let threshold = &self.threshold[t * inner..(t + 1) * inner];
            let leaf = &self.leaf[t * leaves..(t + 1) * leaves];
            for (o, row) in out.iter_mut().zip(rows) {
                let mut i = 0usize;
                for _ in 0..self.depth {
                    let go_right = row[feature[i] as usize] > threshold[i];
                    i = 2 * i + 1 + usize::from(go_right);
                }
                *o += leaf[i - inner];
            }
        }
        out
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

/// Training settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainParams {
    /// Number of trees.
    pub trees: usize,
    /// Depth of each tree.
    pub depth: usize,
    /// Shrinkage applied to every leaf.
    pub learning_rate: f32,
    /// L2 regularization of leaf values (λ).
    pub lambda: f32,
    /// Fewest rows in a leaf.
    pub min_leaf: usize,
    /// Bins per feature (at most 256).
    pub bins: usize,
}

impl Default for TrainParams {
    fn default() -> Self {
        TrainParams {
            trees: 40,
            depth: 5,
            learning_rate: 0.3,
            lambda: 1.0,
            min_leaf: 40,
            bins: 64,
        }
    }
}

/// Trains a binary classifier on rows `x` (each of `names.len()` values)
/// with labels `y` in {0, 1}. Deterministic.
pub fn train(names: &[String], x: &[Vec<f32>], y: &[f32], params: &TrainParams) -> Gbdt {
    let d = names.len();
    let n = x.len();
    let pos = y.iter().sum::<f32>().clamp(1.0, (n.max(2) - 1) as f32);
    let base = (pos / (n as f32 - pos)).ln();
    let mut model = Gbdt {
        features: names.to_vec(),
        base,
        trees: Vec::new(),
    };
    if n == 0 || d == 0 {
        return model;
    }
    // Quantile cut points per feature, and each row's bin.
    let bins = params.bins.clamp(2, 256);
    let cuts: Vec<Vec<f32>> = (0..d)
        .map(|j| {
            let mut v: Vec<f32> = x.iter().map(|r| r[j]).filter(|v| v.is_finite()).collect();
            v.sort_by(f32::total_cmp);
            v.dedup();
            if v.len() <= bins {
                // Midpoints between distinct values.
                v.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect()
            } else {
                let mut c: Vec<f32> = (1..bins).map(|k| v[k * (v.len() - 1) / bins]).collect();
                c.dedup();
                c
            }
        })
        .collect();
    let binned: Vec<Vec<u8>> = (0..d)
        .map(|j| {
            x.iter()
                .map(|r| cuts[j].partition_point(|&c| c < r[j]) as u8)
                .collect()
        })
        .collect();

    let mut pred = vec![base; n];
    let mut g = vec![0f32; n];
    let mut h = vec![0f32; n];
    for _ in 0..params.trees {
        for i in 0..n {
            let p = 1.0 / (1.0 + (-pred[i]).exp());
            g[i] = p - y[i];
            h[i] = (p * (1.0 - p)).max(1e-6);
        }
        let tree = grow(&binned, &cuts, &g, &h, n, params);
        for (p, row) in pred.iter_mut().zip(x) {
            *p += tree.predict(row);
        }
        model.trees.push(tree);
    }
    model
}

fn grow(
    binned: &[Vec<u8>],
    cuts: &[Vec<f32>],
    g: &[f32],
    h: &[f32],
    n: usize,
    p: &TrainParams,
) -> Tree {
    let mut tree = Tree::default();
    let leaf = |rows: &[u32]| {
        let (gs, hs) = rows.iter().fold((0f64, 0f64), |(a, b), &r| {
            (a + g[r as usize] as f64, b + h[r as usize] as f64)
        });
        (-gs / (hs + p.lambda as f64)) as f32 * p.learning_rate
    };
    // Each pending node: its index in the tree, its rows, its depth.
    let mut pending: Vec<(usize, Vec<u32>, usize)> = vec![(0, (0..n as u32).collect(), 0)];
    push_node(&mut tree);
    let mut k = 0;
    while k < pending.len() {
        let (node, rows, depth) = std::mem::take(&mut pending[k]);
        k += 1;
        let split = if depth < p.depth {
            best_split(binned, g, h, &rows, p)
        } else {
            None
        };
        match split {
            None => tree.value[node] = leaf(&rows),
            Some((j, b)) => {
                let (l_rows, r_rows): (Vec<u32>, Vec<u32>) = rows
                    .iter()
                    .partition(|&&r| binned[j][r as usize] as usize <= b);
                let l = push_node(&mut tree);
                let r = push_node(&mut tree);
                tree.feature[node] = j as u16;
                tree.threshold[node] = cuts[j][b];
                tree.left[node] = l as u32;
                tree.right[node] = r as u32;
                pending.push((l, l_rows, depth + 1));
                pending.push((r, r_rows, depth + 1));
            }
        }
    }
    tree
}

fn push_node(tree: &mut Tree) -> usize {
    tree.feature.push(0);
    tree.threshold.push(0.0);
    tree.left.push(0);
    tree.right.push(0);
    tree.value.push(0.0);
    tree.feature.len() - 1
}

/// The best (feature, bin) split of `rows`, if any gains.
fn best_split(
    binned: &[Vec<u8>],
    g: &[f32],
    h: &[f32],
    rows: &[u32],
    p: &TrainParams,
) -> Option<(usize, usize)> {
    if rows.len() < 2 * p.min_leaf {
        return None;
    }
    let lambda = p.lambda as f64;
    let (gt, ht) = rows.iter().fold((0f64, 0f64), |(a, b), &r| {
        (a + g[r as usize] as f64, b + h[r as usize] as f64)
    });
    let parent = gt * gt / (ht + lambda);
    let mut best: Option<(f64, usize, usize)> = None;
    let mut hist = [(0f64, 0f64, 0usize); 256];
    for (j, col) in binned.iter().enumerate() {
        hist.iter_mut().for_each(|e| *e = (0.0, 0.0, 0));
        let mut max_bin = 0;
        for &r in rows {
            let b = col[r as usize] as usize;
            let e = &mut hist[b];
            e.0 += g[r as usize] as f64;
            e.1 += h[r as usize] as f64;
            e.2 += 1;
            max_bin = max_bin.max(b);
        }
        let (mut gl, mut hl, mut cl) = (0f64, 0f64, 0usize);
        for (b, e) in hist.iter().enumerate().take(max_bin) {
            gl += e.0;
            hl += e.1;
            cl += e.2;
            let cr = rows.len() - cl;
            if cl < p.min_leaf || cr < p.min_leaf {
                continue;
            }
            let (gr, hr) = (gt - gl, ht - hl);
            let gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
            if gain > 1e-9 && best.is_none_or_lt(gain) {
                best = Some((gain, j, b));
            }
        }
    }
    best.map(|(_, j, b)| (j, b))
}

trait BestExt {
    fn is_none_or_lt(&self, gain: f64) -> bool;
}

impl BestExt for Option<(f64, usize, usize)> {
    fn is_none_or_lt(&self, gain: f64) -> bool {
        self.is_none_or(|(g, _, _)| gain > g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_threshold_and_an_interaction() {
        // Label is 1 when x0 > 0.5 and x1 > 0.5 (an AND no linear model gets).
        let names = vec!["a".to_string(), "b".to_string()];
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..40 {
            for k in 0..40 {
                let (a, b) = (i as f32 / 40.0, k as f32 / 40.0);
                x.push(vec![a, b]);
                y.push(if a > 0.5 && b > 0.5 { 1.0 } else { 0.0 });
            }
        }
        let params = TrainParams {
            trees: 30,
            depth: 2,
            min_leaf: 5,
            ..Default::default()
        };
        let m = train(&names, &x, &y, &params);
        m.validate().unwrap();
        assert!(m.predict(&[0.9, 0.9]) > 1.0);
        assert!(m.predict(&[0.9, 0.1]) < -1.0);
        assert!(m.predict(&[0.1, 0.9]) < -1.0);
        // Deterministic and serializable.
        assert_eq!(train(&names, &x, &y, &params), m);
        let back: Gbdt = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(back.predict(&[0.7, 0.8]), m.predict(&[0.7, 0.8]));
        // The compiled form predicts the same.
        let c = CompiledGbdt::new(&m).unwrap();
        let rows = [[0.7f32, 0.8], [0.1, 0.95], [0.55, 0.51]];
        let fast = c.predict_rows(&rows);
        for (row, f) in rows.iter().zip(fast) {
            assert!((m.predict(row) - f).abs() < 1e-5);
        }
    }

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
