//! Fitting gradient-boosted trees ([`nutgraf_core::score::gbdt::Gbdt`]).
//!
//! The algorithm is the standard second-order one (as in XGBoost and
//! LightGBM): logistic loss, features cut into at most 256 quantile bins,
//! trees grown level by level to a fixed depth, each split chosen by the
//! gain `G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)`, leaves set to
//! `−G/(H+λ)` times the learning rate. No sampling, so the same data always
//! gives the same model. Prediction lives in the core; fitting lives here,
//! since serving never fits.

use nutgraf_core::score::gbdt::{Gbdt, Tree};
use serde::{Deserialize, Serialize};

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
    use nutgraf_core::score::gbdt::CompiledGbdt;

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
}
